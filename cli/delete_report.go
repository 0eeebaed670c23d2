package cli

import (
	"fmt"
	"io"
	"strconv"

	"fyne.io/fyne/v2/lang"

	"plandesk/messages"
)

// RunDeleteReport is `plandesk delete-report ID [--db PATH]`: it deletes
// one report with everything in it, after copying the database beside
// itself, and says where the copy is. It returns the process exit code: 2
// for a usage error.
func RunDeleteReport(args []string, stdout, stderr io.Writer) int {
	r := newRunner("plandesk delete-report", "plandesk delete-report ID [--db PATH]", stderr)
	file, ok := r.parseWithFile(args)
	if !ok {
		return 2
	}
	id, err := strconv.ParseInt(file, 10, 64)
	if err != nil || id <= 0 {
		return r.fail(2, tr("--report must be a report id."))
	}
	st, err := r.openExisting()
	if err != nil {
		return r.fail(1, err.Error())
	}
	defer st.Close() // closing purges the deleted report for good
	report, err := findReport(st, id)
	if err != nil {
		return r.fail(1, err.Error())
	}
	_, backup, err := st.DeleteReport(id, reviewer())
	if err != nil {
		return r.fail(1, messages.Explain(err))
	}
	fmt.Fprintln(stdout, lang.L("Deleted report {{.ID}} “{{.Title}}”; the database as it was is saved as {{.Path}}.",
		map[string]any{"ID": id, "Title": report.Title, "Path": backup}))
	return 0
}
