package cli

import (
	"fmt"
	"io"
	"path/filepath"

	"plandesk/messages"
)

// RunUpdateText is `plandesk update-text FILE [--report ID] [--db PATH]
// [--password P]`: FILE (a text, a .docx or a PDF) is a new version of a
// report's text — the drafters' revision — and takes the place of the
// text stored, keeping the review: sections, review marks, comments,
// indicators and projects (store.ReplaceReportText). --report names the
// report, needed when the database holds several. The database must
// exist. It prints what was kept and moved, the comments whose text is
// gone, and the backup made first, which is the way back. It returns the
// process exit code: 2 for a usage error.
func RunUpdateText(args []string, stdout, stderr io.Writer) int {
	r := newRunner("plandesk update-text", "plandesk update-text FILE [--report ID] [--db PATH] [--password P]", stderr)
	reportID := r.flags.Int64("report", 0, "the report FILE is a new version of (needed when the database holds several)")
	password := r.flags.String("password", "", "the password of an encrypted PDF")
	file, ok := r.parseWithFile(args)
	if !ok || file == "" {
		if ok {
			r.flags.Usage()
		}
		return 2
	}
	// The file is read before the database is opened: a PDF takes
	// seconds, and the window should not wait for the file meanwhile.
	parsed, err := readReportFile(file, *password, stderr)
	if err != nil {
		return r.fail(1, messages.Explain(err))
	}
	st, err := r.openExisting()
	if err != nil {
		return r.fail(1, err.Error())
	}
	defer st.Close()
	report, code, err := pickReport(st, *reportID)
	if err != nil {
		return r.fail(code, err.Error())
	}
	res, err := st.ReplaceReportText(report.ID, parsed, filepath.Base(file), reviewer())
	if err != nil {
		return r.fail(1, messages.Explain(err))
	}
	fmt.Fprintln(stdout, messages.TextReplaced(res.Report.Title, filepath.Base(file), res.Replacement, res.Backup))
	return 0
}
