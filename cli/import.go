package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/lang"

	"plandesk/messages"
	"plandesk/pdftext"
	"plandesk/reportfile"
	"plandesk/reporttext"
	"plandesk/store"
	"plandesk/targets"
)

// RunImport is `plandesk import FILE [--db PATH] [--dry-run [--proposals]] [--again] [--password P]`;
// FILE is a text, a Word .docx or a PDF (--password opens an encrypted one).
// With --dry-run it prints the outline it found, the 前言 section before the
// first heading included, and touches no database; --proposals adds the
// indicators the import would propose. Otherwise it adds the report to the
// database in one transaction. A report the database already holds is
// refused, naming it, unless --again says to add it a second time. It never
// adds the shipped report. A text without numbered headings is imported as
// one section, saying so. It returns the process exit code.
func RunImport(args []string, stdout, stderr io.Writer) int {
	r := newRunner("plandesk import", "plandesk import FILE [--db PATH] [--dry-run [--proposals]] [--again] [--password P]", stderr)
	dryRun := r.flags.Bool("dry-run", false, "print the outline found; change no database")
	proposals := r.flags.Bool("proposals", false, "with --dry-run, also print the indicators the import would propose")
	again := r.flags.Bool("again", false, "add the report even if the database holds it already")
	password := r.flags.String("password", "", "the password of an encrypted PDF")
	file, ok := r.parseWithFile(args)
	if !ok || file == "" {
		if ok {
			r.flags.Usage()
		}
		return 2
	}
	if *proposals && !*dryRun {
		return r.fail(2, tr("--proposals only goes with --dry-run."))
	}

	// A text, a .docx or a PDF, told apart by what the file holds; each
	// reader refuses a file past its bounds before reading it whole.
	parsed, err := readReportFile(file, *password, stderr)
	if err != nil {
		return r.fail(1, messages.Explain(err))
	}
	if *dryRun {
		printOutline(stdout, parsed)
		if *proposals {
			printProposals(stdout, parsed)
			printProjectProposals(stdout, parsed)
		}
		if s := messages.NoHeadings(parsed, false); s != "" {
			fmt.Fprintln(stderr, s)
		}
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
	for _, s := range []string{messages.NoHeadings(parsed, true), messages.ProposalsLeftOut(report.ProposalsLeftOut),
		messages.ProjectsLeftOut(report.ProjectsLeftOut)} {
		if s != "" {
			fmt.Fprintln(stderr, s)
		}
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

// printProposals writes, after a blank line and a heading line, the
// indicators the import would propose for each section's paragraphs (read
// under the section's headings, as the import reads them), one a line:
// section, name, value as written, unit, baseline and target with their
// years, separated by tabs, empty columns kept so the lines stay a table.
// The import proposes these (within reporttext's bounds on proposals,
// leaving out a value it cannot read as a number).
func printProposals(w io.Writer, p *reporttext.ParsedReport) {
	fmt.Fprintf(w, "\n%s\n", tr("Proposed indicators (section, name, value, unit, baseline, target):"))
	headings := p.Headings()
	p.Walk(func(s, _ *reporttext.ParsedSection, _ int) {
		heading := messages.Heading(s.Numbering + s.Title)
		for _, para := range s.Paragraphs {
			for _, pr := range reporttext.ExtractIndicatorsUnder(headings[s], para) {
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", heading, pr.Name, withYear(pr.Value, pr.AsOf),
					pr.Unit, withYear(pr.Baseline, pr.BaselineYear), withYear(pr.Target, pr.TargetYear))
			}
		}
		// A document's own indicator tables, as the import reads them.
		for _, t := range s.Tables {
			for _, tp := range targets.TableProposals(store.TableOf(t).Texts()) {
				ind := tp.Indicator
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", heading, ind.Name, withYear(ind.Midterm, ind.MidtermAsOf),
					ind.Unit, withYear(ind.Baseline, ind.BaselineYear), withYear(ind.Target, ind.TargetYear))
			}
		}
	})
}

// withYear is a quantity followed by the year it is given for, if any:
// 312亿元 (2020).
func withYear(quantity, year string) string {
	if quantity == "" || year == "" {
		return quantity
	}
	return quantity + " (" + year + ")"
}

// printProjectProposals writes, after a blank line and a heading line, the
// projects and tasks the import would propose: section, name, progress
// and planned completion, tab-separated.
func printProjectProposals(w io.Writer, p *reporttext.ParsedReport) {
	fmt.Fprintf(w, "\n%s\n", tr("Proposed projects and tasks (section, name, progress, planned completion):"))
	headings := p.Headings()
	p.Walk(func(s, _ *reporttext.ParsedSection, _ int) {
		for _, para := range s.Paragraphs {
			for _, pr := range reporttext.ExtractProjectsUnder(headings[s], para) {
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", messages.Heading(s.Numbering+s.Title), pr.Name,
					messages.ProgressLabel(store.ProposedProgress(pr.Progress)), pr.PlannedCompletion)
			}
		}
	})
}

// readReportFile reads a report file of any kind, saying on stderr while
// PDFium is prepared for a first PDF, which takes seconds, and then what
// reading the document noted (tracked changes read as accepted…).
func readReportFile(path, password string, stderr io.Writer) (*reporttext.ParsedReport, error) {
	rd := reportfile.NewReader(reportfile.CacheDir())
	defer rd.Close()
	doc, err := rd.Read(context.Background(), path, reportfile.Options{Password: password, Progress: func(p pdftext.Progress) {
		if p.Stage == pdftext.StageStarting {
			fmt.Fprintln(stderr, messages.PDFStarting())
		}
	}})
	if err != nil {
		return nil, err
	}
	for _, note := range messages.DocumentNotes(doc.ReadNotes()) {
		fmt.Fprintln(stderr, note)
	}
	return doc.Report, nil
}
