package cli

import (
	"fmt"
	"io"

	"plandesk/messages"
	"plandesk/plan"
	"plandesk/search"
	"plandesk/store"
)

// RunSearch is `plandesk search TEXT [--db PATH] [--report ID]`: it finds
// TEXT in every report, or in the one --report names, as the window's
// search (Ctrl+F) does, and prints one hit a line: what it is in, its
// section and its context. It returns the process exit code: 0 whether or
// not anything was found, 2 for a usage error.
func RunSearch(args []string, stdout, stderr io.Writer) int {
	r := newRunner("plandesk search", "plandesk search TEXT [--db PATH] [--report ID]", stderr)
	reportID := r.flags.Int64("report", 0, "search only the report with this id (default: every report)")
	query, ok := r.parseWithFile(args)
	if !ok {
		return 2
	}
	if query == "" {
		return r.fail(2, tr("name the text to search for."))
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
	if *reportID != 0 {
		rep, err := findReport(st, *reportID)
		if err != nil {
			return r.fail(1, err.Error())
		}
		reports = []plan.Report{rep}
	}
	for _, rep := range reports {
		if err := printHits(st, rep, query, len(reports) > 1, stdout); err != nil {
			return r.fail(1, err.Error())
		}
	}
	return 0
}

// printHits prints what query finds in one report, under its title when
// several reports are searched.
func printHits(st *store.Store, rep plan.Report, query string, titled bool, stdout io.Writer) error {
	content, err := st.SearchContent(rep.ID)
	if err != nil {
		return err
	}
	headings := make(map[int64]string, len(content.Sections))
	for _, s := range content.Sections {
		headings[s.ID] = messages.Heading(s.Heading())
	}
	found := search.New(content).Find(query)
	if titled {
		fmt.Fprintf(stdout, "%d\t%s\n", rep.ID, rep.Title)
	}
	for _, h := range found.Hits {
		fmt.Fprintf(stdout, "%s\t%s\t%s\n", messages.HitKind(h.Kind), headings[h.SectionID], messages.HitContext(h))
	}
	fmt.Fprintln(stdout, messages.SearchCount(query, len(found.Hits), found.Total))
	return nil
}
