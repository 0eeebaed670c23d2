// Package cli is PlanDesk's command line: one file per subcommand (import,
// update-text, reports, export, import-indicators, import-targets, set,
// delete-report, present, slides, search, comments, comment, review-export,
// review-pack, merge, laptop) over one small runner that parses flags,
// prints usage, opens the database and fails with a sentence from
// messages. Main dispatches to them, or opens the window when no
// subcommand is given.
//
// It words nothing itself beyond its usage lines (messages does) and reads
// and writes only through store, sheet, targets, search, slidefile and
// reviewdoc, and reads review packages only through reviewpack.
package cli

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"plandesk/app"
	"plandesk/reviewpack"
)

// Main runs PlanDesk with the command line's arguments (without the
// program name) and returns the process exit code.
func Main(args []string, version string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "import":
			return RunImport(args[1:], stdout, stderr)
		case "reports":
			return RunReports(args[1:], stdout, stderr)
		case "export":
			return RunExport(args[1:], stdout, stderr)
		case "import-indicators":
			return RunImportIndicators(args[1:], stdout, stderr)
		case "import-targets":
			return RunImportTargets(args[1:], stdout, stderr)
		case "set":
			return RunSet(args[1:], stdout, stderr)
		case "delete-report":
			return RunDeleteReport(args[1:], stdout, stderr)
		case "update-text":
			return RunUpdateText(args[1:], stdout, stderr)
		case "present":
			return RunPresent(args[1:], version, stderr)
		case "slides":
			return RunSlides(args[1:], stdout, stderr)
		case "search":
			return RunSearch(args[1:], stdout, stderr)
		case "comments":
			return RunComments(args[1:], stdout, stderr)
		case "comment":
			return RunComment(args[1:], stdout, stderr)
		case "review-export":
			return RunReviewExport(args[1:], stdout, stderr)
		case "review-pack":
			return RunReviewPack(args[1:], stdout, stderr)
		case "merge":
			return RunMerge(args[1:], stdout, stderr)
		case "laptop":
			return RunLaptop(args[1:], stdout, stderr)
		}
	}
	return runWindow(args, version, stdout, stderr)
}

// runWindow is plain `plandesk [--db PATH] [--version]`: the window.
func runWindow(args []string, version string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("plandesk", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "", "database file (default: PlanDesk's folder in the user config dir)")
	showVersion := fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: plandesk [--db PATH] [FILE.pdpack] | plandesk import|update-text|reports|export|import-indicators|import-targets|set|delete-report|present|slides|search|comments|comment|review-export|review-pack|merge|laptop …")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *showVersion {
		fmt.Fprintln(stdout, "PlanDesk", version)
		return 0
	}
	var merge string
	if fs.NArg() == 1 && strings.EqualFold(filepath.Ext(fs.Arg(0)), reviewpack.FileExt) {
		// A review package opened from the file manager: the window
		// previews its merge.
		merge = fs.Arg(0)
	} else if fs.NArg() > 0 {
		// Flags go after a subcommand; anything else here is a mistake, and
		// must not open the window on a database the user did not mean.
		fmt.Fprintf(stderr, "plandesk: unknown command %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	if err := app.Run(app.Options{DBPath: *dbPath, Version: version, MergePath: merge}); err != nil {
		fmt.Fprintln(stderr, "plandesk:", err)
		return 1
	}
	return 0
}
