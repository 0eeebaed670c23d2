package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"fyne.io/fyne/v2/lang"

	"plandesk/sheet"
)

// RunExport is `plandesk export --format xlsx|csv|json [--db PATH]
// [--report ID] --out FILE`: it writes the indicators of every report in
// the database, or of the one --report names, as a sheet with one row per
// indicator (the 报告 column names its report). Without --format the
// format is the extension of --out. The file is written to a temporary file
// beside it and renamed into place, so a failed export never leaves half a
// file. It returns the process exit code: 2 for a usage error.
func RunExport(args []string, stdout, stderr io.Writer) int {
	r := newRunner("plandesk export", "plandesk export --format xlsx|csv|json [--db PATH] [--report ID] --out FILE", stderr)
	format := r.flags.String("format", "", "xlsx, csv or json (default: the extension of --out)")
	reportID := r.flags.Int64("report", 0, "export only the report with this id (default: every report)")
	out := r.flags.String("out", "", "the file to write (required)")
	if err := r.flags.Parse(args); err != nil {
		return 2
	}
	if r.flags.NArg() > 0 {
		return r.fail(2, tr("unexpected argument %q.", r.flags.Arg(0)))
	}
	if *out == "" {
		return r.fail(2, tr("--out is missing: name the file to write."))
	}
	sheetFormat, ok := exportFormat(*format, *out)
	if !ok {
		asked := *format
		if asked == "" {
			asked = filepath.Ext(*out)
		}
		return r.fail(2, tr("unknown format %q: --format must be xlsx, csv or json.", asked))
	}
	if *reportID < 0 {
		return r.fail(2, tr("--report must be a report id."))
	}

	st, err := r.openForReading()
	if err != nil {
		return r.fail(1, err.Error())
	}
	defer st.Close()
	if *reportID != 0 {
		if _, err := findReport(st, *reportID); err != nil {
			return r.fail(1, err.Error())
		}
	}
	sh, err := st.ExportIndicators(*reportID)
	if err != nil {
		return r.fail(1, err.Error())
	}
	if err := sheet.WriteIndicatorFile(*out, sheetFormat, sh); err != nil {
		cause := err
		if inner := errors.Unwrap(err); inner != nil {
			cause = inner
		}
		return r.fail(1, tr("cannot write %s; no half-written file was left: %v", *out, cause))
	}
	fmt.Fprintln(stdout, lang.L("Exported {{.Count}} indicators to {{.Path}}.", map[string]any{"Count": len(sh.Rows), "Path": *out}))
	return 0
}

// exportFormat is the format --format names, or else the one --out's
// extension names.
func exportFormat(format, out string) (sheet.SheetFormat, bool) {
	if format != "" {
		return sheet.ParseSheetFormat(format)
	}
	return sheet.SheetFormatOf(out)
}
