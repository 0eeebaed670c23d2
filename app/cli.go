package app

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/lang"

	"plandesk/reporttext"
	"plandesk/store"
)

// RunImport is `plandesk import FILE [--db PATH] [--dry-run]`. With
// --dry-run it prints the outline it found and touches no database;
// otherwise it adds the report to the database in one transaction. It never
// adds the shipped report. It returns the process exit code.
func RunImport(args []string, stdout, stderr io.Writer) int {
	useCLILanguage(stderr)
	fs := flag.NewFlagSet("plandesk import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "", "database file (default: "+defaultPathForHelp()+")")
	dryRun := fs.Bool("dry-run", false, "print the outline found; change no database")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: plandesk import FILE [--db PATH] [--dry-run]")
		fs.PrintDefaults()
	}
	file, ok := parseWithFile(fs, args)
	if !ok || file == "" {
		if ok {
			fs.Usage()
		}
		return 2
	}

	text, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "plandesk import: %v\n", err)
		return 1
	}
	parsed, err := reporttext.ParseReport(text)
	if err != nil {
		fmt.Fprintf(stderr, "plandesk import: %s: %s\n", file, explain(err))
		return 1
	}
	if *dryRun {
		printOutline(stdout, parsed)
		return 0
	}

	st, err := openForCLI(*dbPath, false)
	if err != nil {
		fmt.Fprintf(stderr, "plandesk import: %s\n", explain(err))
		return 1
	}
	defer st.Close()
	report, err := st.ImportReport(parsed, filepath.Base(file))
	if err != nil {
		fmt.Fprintf(stderr, "plandesk import: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s (id %d, %s)\n", importedMessage(report, parsed), report.ID, st.Path())
	return 0
}

// openForCLI opens the database a subcommand's --db names, or the default
// one. With mustExist, a missing file is an error rather than created.
func openForCLI(path string, mustExist bool) (*store.Store, error) {
	if path == "" {
		var err error
		if path, err = DefaultDBPath(); err != nil {
			return nil, err
		}
	}
	if mustExist {
		if _, err := os.Stat(path); err != nil {
			return nil, err
		}
	}
	return store.Open(path)
}

// RunReports is `plandesk reports [--db PATH]`: it lists the reports in the
// database, one a line: id, title, section count and source file. It
// returns the process exit code.
func RunReports(args []string, stdout, stderr io.Writer) int {
	useCLILanguage(stderr)
	fs := flag.NewFlagSet("plandesk reports", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "", "database file (default: "+defaultPathForHelp()+")")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: plandesk reports [--db PATH]")
		return 2
	}
	st, err := openForCLI(*dbPath, true)
	if err != nil {
		fmt.Fprintf(stderr, "plandesk reports: %s\n", explain(err))
		return 1
	}
	defer st.Close()
	reports, err := st.Reports()
	if err != nil {
		fmt.Fprintf(stderr, "plandesk reports: %v\n", err)
		return 1
	}
	for _, r := range reports {
		sections, err := st.Sections(r.ID)
		if err != nil {
			fmt.Fprintf(stderr, "plandesk reports: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "%d\t%s\t%s\t%s\n", r.ID, r.Title, lang.L("{{.Count}} sections", map[string]any{"Count": len(sections)}), r.SourceName)
	}
	return 0
}

// parseWithFile parses a subcommand's flags, which may stand before or
// after its one FILE argument, and returns that argument ("" when there is
// none). ok is false on a flag error or a second argument; usage has then
// been printed.
func parseWithFile(fs *flag.FlagSet, args []string) (file string, ok bool) {
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return "", false
		}
		args = fs.Args()
		if len(args) > 0 {
			if file != "" {
				fs.Usage()
				return "", false
			}
			file, args = args[0], args[1:]
		}
	}
	return file, true
}

// useCLILanguage sets a subcommand's language: PLANDESK_LANG, or the
// default the window would use.
func useCLILanguage(stderr io.Writer) {
	if err := useLanguage(languageFrom(os.Getenv("PLANDESK_LANG"))); err != nil {
		fmt.Fprintln(stderr, err)
	}
}

// printOutline writes the detected outline, indented by level: numbering,
// title and paragraph count.
func printOutline(w io.Writer, p *reporttext.ParsedReport) {
	fmt.Fprintln(w, p.Title)
	p.Walk(func(s, _ *reporttext.ParsedSection, depth int) {
		fmt.Fprintf(w, "%s%s%s  (%s)\n", strings.Repeat("  ", depth+1), s.Numbering, s.Title,
			lang.L("{{.Count}} paragraphs", map[string]any{"Count": len(s.Paragraphs)}))
	})
}

func defaultPathForHelp() string {
	p, err := DefaultDBPath()
	if err != nil {
		return errors.Unwrap(err).Error()
	}
	return p
}
