package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/lang"

	"plandesk/messages"
	"plandesk/reporttext"
)

// RunImport is `plandesk import FILE [--db PATH] [--dry-run] [--again]`.
// With --dry-run it prints the outline it found and touches no database;
// otherwise it adds the report to the database in one transaction. A report
// the database already holds is refused, naming it, unless --again says to
// add it a second time. It never adds the shipped report. It returns the
// process exit code.
func RunImport(args []string, stdout, stderr io.Writer) int {
	r := newRunner("plandesk import", "plandesk import FILE [--db PATH] [--dry-run] [--again]", stderr)
	dryRun := r.flags.Bool("dry-run", false, "print the outline found; change no database")
	again := r.flags.Bool("again", false, "add the report even if the database holds it already")
	file, ok := r.parseWithFile(args)
	if !ok || file == "" {
		if ok {
			r.flags.Usage()
		}
		return 2
	}

	// ReadFile refuses a file over reporttext.MaxTextBytes from its size,
	// before reading it.
	text, err := reporttext.ReadFile(file)
	if err != nil {
		return r.fail(1, messages.Explain(err))
	}
	parsed, err := reporttext.ParseReport(text)
	if err != nil {
		return r.fail(1, file+": "+messages.Explain(err))
	}
	if *dryRun {
		printOutline(stdout, parsed)
		return 0
	}

	st, err := r.open()
	if err != nil {
		return r.fail(1, messages.Explain(err))
	}
	defer st.Close()
	importReport := st.ImportReport
	if *again {
		importReport = st.ImportReportAgain
	}
	report, err := importReport(parsed, filepath.Base(file))
	if err != nil {
		return r.fail(1, messages.Explain(err))
	}
	fmt.Fprintf(stdout, "%s (id %d, %s)\n", messages.Imported(report.Title, parsed), report.ID, st.Path())
	if s := messages.ProposalsLeftOut(report.ProposalsLeftOut); s != "" {
		fmt.Fprintln(stderr, s)
	}
	return 0
}

// printOutline writes the detected outline, indented by level: numbering,
// title and paragraph count.
func printOutline(w io.Writer, p *reporttext.ParsedReport) {
	fmt.Fprintln(w, p.Title)
	p.Walk(func(s, _ *reporttext.ParsedSection, depth int) {
		fmt.Fprintf(w, "%s%s  (%s)\n", strings.Repeat("  ", depth+1), messages.Heading(s.Numbering+s.Title),
			lang.L("{{.Count}} paragraphs", map[string]any{"Count": len(s.Paragraphs)}))
	})
}
