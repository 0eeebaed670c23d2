// Command plandesk is PlanDesk (规划评估台): a desktop tool for reviewing
// and presenting the mid-term evaluation of a Five-Year Plan, offline.
//
//	plandesk [--db PATH]                          open the window
//	plandesk --version                            print the version
//	plandesk import FILE [--db PATH] [--dry-run]  import a report text
//	plandesk reports [--db PATH]                  list the reports stored
//	plandesk export --format xlsx|csv|json [--db PATH] [--report ID] --out FILE
//	                                              export indicators as a sheet
//	plandesk import-indicators FILE [--db PATH] [--report ID] [--dry-run]
//	                                              import an edited sheet
//	plandesk set ID FIELD VALUE [--db PATH]       change one field of one indicator
//	plandesk present [--db PATH] [--slide N]      open straight into the presentation
//	plandesk slides --out DIR [--format png|pdf] [--size 1920x1080] [--db PATH]
//	                                              draw the slides as images or a PDF
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"os"

	"plandesk/app"
)

// fyneAppToml is the app's metadata file, the one source of its version.
//
//go:embed FyneApp.toml
var fyneAppToml string

func main() {
	version, err := app.VersionOf(fyneAppToml)
	if err != nil {
		fmt.Fprintln(os.Stderr, "plandesk:", err)
		os.Exit(1)
	}
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "import":
			os.Exit(app.RunImport(os.Args[2:], os.Stdout, os.Stderr))
		case "reports":
			os.Exit(app.RunReports(os.Args[2:], os.Stdout, os.Stderr))
		case "export":
			os.Exit(app.RunExport(os.Args[2:], os.Stdout, os.Stderr))
		case "import-indicators":
			os.Exit(app.RunImportIndicators(os.Args[2:], os.Stdout, os.Stderr))
		case "set":
			os.Exit(app.RunSet(os.Args[2:], os.Stdout, os.Stderr))
		case "present":
			os.Exit(app.RunPresent(os.Args[2:], version, os.Stderr))
		case "slides":
			os.Exit(app.RunSlides(os.Args[2:], os.Stdout, os.Stderr))
		}
	}
	dbPath := flag.String("db", "", "database file (default: PlanDesk's folder in the user config dir)")
	showVersion := flag.Bool("version", false, "print the version and exit")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: plandesk [--db PATH] | plandesk import|reports|export|import-indicators|set|present|slides …")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *showVersion {
		fmt.Println("PlanDesk", version)
		return
	}
	if flag.NArg() > 0 {
		// Flags go after a subcommand; anything else here is a mistake, and
		// must not open the window on a database the user did not mean.
		fmt.Fprintf(os.Stderr, "plandesk: unknown command %q\n", flag.Arg(0))
		flag.Usage()
		os.Exit(2)
	}
	if err := app.Run(app.Options{DBPath: *dbPath, Version: version}); err != nil {
		fmt.Fprintln(os.Stderr, "plandesk:", err)
		os.Exit(1)
	}
}
