package cli

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2/lang"
)

// RunReports is `plandesk reports [--db PATH]`: it lists the reports in the
// database, one a line: id, title, section count and source file. It
// returns the process exit code.
func RunReports(args []string, stdout, stderr io.Writer) int {
	r := newRunner("plandesk reports", "plandesk reports [--db PATH]", stderr)
	if err := r.flags.Parse(args); err != nil || r.flags.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: "+r.usage)
		return 2
	}
	st, err := r.openForReading()
	if err != nil {
		return r.fail(1, err.Error())
	}
	defer st.Close()
	reports, err := st.Reports()
	if err != nil {
		return r.fail(1, err.Error())
	}
	for _, rep := range reports {
		sections, err := st.Sections(rep.ID)
		if err != nil {
			return r.fail(1, err.Error())
		}
		fmt.Fprintf(stdout, "%d\t%s\t%s\t%s\n", rep.ID, rep.Title, lang.L("{{.Count}} sections", map[string]any{"Count": len(sections)}), rep.SourceName)
	}
	return 0
}
