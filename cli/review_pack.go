package cli

import (
	"fmt"
	"io"
	"os"

	"plandesk/atomicfile"
	"plandesk/messages"
	"plandesk/reviewpack"
)

// RunReviewPack is `plandesk review-pack --out FILE [--report ID] [--since
// PACK] [--db PATH]`: it writes a review package (审阅包) of a report —
// its text and every change this database holds of it — as the window's
// 导出审阅包… does, from the reviewer PLANDESK_REVIEWER. With --since (a
// package sent to or received from the same peer) it leaves out what that
// package holds and what the peer's laptop made. The file is written
// whole or not at all (atomicfile), so a stick pulled out mid-write never
// holds half a package. It returns the process exit code: 2 for a usage
// error.
func RunReviewPack(args []string, stdout, stderr io.Writer) int {
	r := newRunner("plandesk review-pack", "plandesk review-pack --out FILE [--report ID] [--since PACK] [--db PATH]", stderr)
	out := r.flags.String("out", "", "the package file to write, e.g. 审阅包"+reviewpack.FileExt+" (required)")
	reportID := r.flags.Int64("report", 0, "the report to write a package of (default: the only one)")
	sincePath := r.flags.String("since", "", "a package sent to or received from the same peer: leave out what it holds")
	if rest, ok := r.parseWithFile(args); !ok || rest != "" {
		return r.fail(2, tr("unexpected argument %q.", rest))
	}
	if *out == "" {
		return r.fail(2, tr("--out is missing: name the file to write."))
	}
	var since *reviewpack.Pack
	if *sincePath != "" {
		p, err := readPack(*sincePath)
		if err != nil {
			return r.fail(1, tr("cannot read %s: %v", *sincePath, messages.Explain(err)))
		}
		since = &p
	}
	st, rep, code := r.reportForReading(*reportID)
	if st == nil {
		return code
	}
	defer st.Close()
	p, err := st.ExportPack(rep.ID, since, reviewer())
	if err != nil {
		return r.fail(1, messages.Explain(err))
	}
	if err := atomicfile.Write(*out, func(w io.Writer) error { return reviewpack.Write(w, p) }); err != nil {
		return r.fail(1, tr("cannot write %s; no half-written file was left: %v", *out, messages.Explain(err)))
	}
	fmt.Fprintln(stdout, tr("Wrote a review package of “%s” holding %d changes to %s. Give it to the coordinator, who merges it with plandesk merge or 文件 → 合并审阅包….", rep.Title, len(p.Changes), *out))
	return 0
}

// readPack reads a package file; its errors are reviewpack's, or the file
// system's, for messages.Explain.
func readPack(path string) (reviewpack.Pack, error) {
	f, err := os.Open(path)
	if err != nil {
		return reviewpack.Pack{}, err
	}
	defer f.Close()
	return reviewpack.Read(f)
}
