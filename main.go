// Command plandesk is PlanDesk (规划评估台): a desktop tool for reviewing
// and presenting the mid-term evaluation of a Five-Year Plan, offline.
//
//	plandesk [--db PATH]                          open the window
//	plandesk [--db PATH] FILE.pdpack              open the window on a review package's merge
//	plandesk --version                            print the version
//	plandesk import FILE [--db PATH] [--dry-run]  import a report text
//	plandesk reports [--db PATH]                  list the reports stored
//	plandesk export --format xlsx|csv|json [--db PATH] [--report ID] --out FILE
//	                                              export indicators as a sheet
//	plandesk import-indicators FILE [--db PATH] [--report ID] [--dry-run]
//	                                              import an edited sheet
//	plandesk import-targets FILE [--db PATH] [--report ID] [--dry-run]
//	                                              bring a plan's target table into the indicators
//	plandesk set ID FIELD VALUE [--db PATH]       change one field of one indicator
//	plandesk delete-report ID [--db PATH]         delete a report, after a backup
//	plandesk present [--db PATH] [--slide N]      open straight into the presentation
//	plandesk slides --out DIR [--format png|pdf] [--size 1920x1080] [--db PATH]
//	                                              draw the slides as images or a PDF
//	plandesk search TEXT [--db PATH] [--report ID]
//	                                              find text, numbers and comments
//	plandesk comments [--db PATH] [--report ID] [--state S]
//	                                              list the review comments
//	plandesk comment add (--section TEXT | --indicator ID) [--reviewer NAME] COMMENT
//	                                              add a review comment
//	plandesk review-export --format docx|pdf --out FILE [--db PATH] [--report ID]
//	                                              write the review report
//	plandesk review-pack --out FILE [--report ID] [--since PACK] [--db PATH]
//	                                              write a review package (审阅包)
//	plandesk merge FILE [--dry-run] [--conflicts mine|theirs] [--db PATH]
//	                                              merge a review package; 3 on conflicts
//	plandesk laptop [--name NAME] [--db PATH]     show or set this laptop's name
package main

import (
	_ "embed"
	"fmt"
	"os"

	// Renames a bare C/POSIX locale before Fyne initialises and reads it.
	_ "clocale"

	"plandesk/app"
	"plandesk/cli"
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
	os.Exit(cli.Main(os.Args[1:], version, os.Stdout, os.Stderr))
}
