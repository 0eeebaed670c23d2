package cli

import (
	"errors"
	"fmt"
	"io"
	"time"

	"plandesk/messages"
	"plandesk/reviewdoc"
)

// RunReviewExport is `plandesk review-export --format docx|pdf --out FILE
// [--db PATH] [--report ID]`: it writes the review report (审阅报告) of a
// report — cover, summary, each section's indicators, projects and
// comments, the appendix of changes — as the window's 导出审阅报告… does,
// named with the reviewer PLANDESK_REVIEWER. Without --format the format
// is the extension of --out. It returns the process exit code: 2 for a
// usage error.
func RunReviewExport(args []string, stdout, stderr io.Writer) int {
	r := newRunner("plandesk review-export", "plandesk review-export --format docx|pdf --out FILE [--db PATH] [--report ID]", stderr)
	format := r.flags.String("format", "", "docx or pdf (default: the extension of --out)")
	reportID := r.flags.Int64("report", 0, "the report to write (default: the only one)")
	out := r.flags.String("out", "", "the file to write (required)")
	if rest, ok := r.parseWithFile(args); !ok || rest != "" {
		return r.fail(2, tr("unexpected argument %q.", rest))
	}
	if *out == "" {
		return r.fail(2, tr("--out is missing: name the file to write."))
	}
	f, ok := reviewdoc.FormatOf(*format, *out)
	if !ok {
		return r.fail(2, tr("unknown format: --format must be docx or pdf."))
	}
	st, rep, code := r.reportForReading(*reportID)
	if st == nil {
		return code
	}
	defer st.Close()
	in, err := reviewdoc.Gather(st, rep.ID, reviewer(), time.Now(), "")
	if err != nil {
		return r.fail(1, messages.Explain(err))
	}
	if err := reviewdoc.WriteFile(*out, f, in); err != nil {
		cause := err
		for errors.Unwrap(cause) != nil {
			cause = errors.Unwrap(cause)
		}
		return r.fail(1, tr("cannot write %s; no half-written file was left: %v", *out, messages.Explain(cause)))
	}
	fmt.Fprintln(stdout, tr("Wrote the review report of “%s” to %s.", rep.Title, *out))
	return 0
}
