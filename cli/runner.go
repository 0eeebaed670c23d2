package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"plandesk/messages"
	"plandesk/plan"
	"plandesk/store"
)

// defaultReviewer is the reviewer name recorded for changes made from the
// command line when PLANDESK_REVIEWER is not set.
const defaultReviewer = "命令行"

// runner is what every subcommand shares: its flag set, the --db flag,
// its usage line, and one way to fail.
type runner struct {
	// name is the command as typed: "plandesk export".
	name string
	// usage is the usage line, printed on a usage error.
	usage string
	// flags are the subcommand's flags.
	flags *flag.FlagSet
	// db is the --db flag.
	db     *string
	stderr io.Writer
}

// newRunner sets the language of the messages (PLANDESK_LANG, or the
// window's default) and prepares the flags of a subcommand with a --db
// flag.
func newRunner(name, usage string, stderr io.Writer) *runner {
	if err := messages.Use(messages.From(os.Getenv("PLANDESK_LANG"))); err != nil {
		fmt.Fprintln(stderr, err)
	}
	r := &runner{name: name, usage: usage, stderr: stderr, flags: flag.NewFlagSet(name, flag.ContinueOnError)}
	r.flags.SetOutput(stderr)
	r.db = r.flags.String("db", "", "database file (default: "+defaultPathForHelp()+")")
	r.flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: "+usage)
		r.flags.PrintDefaults()
	}
	return r
}

// fail prints msg after the command's name and returns code; a usage
// error (code 2) prints the usage too.
func (r *runner) fail(code int, msg string) int {
	fmt.Fprintln(r.stderr, r.name+": "+msg)
	if code == 2 {
		r.flags.Usage()
	}
	return code
}

// parseWithFile parses the flags, which may stand before or after the one
// FILE argument, and returns that argument ("" when there is none). ok is
// false on a flag error or a second argument; usage has then been printed.
func (r *runner) parseWithFile(args []string) (file string, ok bool) {
	for len(args) > 0 {
		if err := r.flags.Parse(args); err != nil {
			return "", false
		}
		args = r.flags.Args()
		if len(args) > 0 {
			if file != "" {
				r.flags.Usage()
				return "", false
			}
			file, args = args[0], args[1:]
		}
	}
	return file, true
}

// path is the database --db names, or the default one.
func (r *runner) path() (string, error) {
	if *r.db != "" {
		return *r.db, nil
	}
	return store.DefaultPath()
}

// open opens the database to add a report to, creating it if need be, and
// waiting for another command that holds it.
func (r *runner) open() (*store.Store, error) {
	path, err := r.path()
	if err != nil {
		return nil, err
	}
	return store.OpenWaiting(path, r.saysWaiting)
}

// saysWaiting tells, once, that the command waits for another PlanDesk.
func (r *runner) saysWaiting() {
	fmt.Fprintln(r.stderr, r.name+": "+tr("the database is in use by another PlanDesk; waiting up to 10 seconds…"))
}

// openExisting opens the database to change, which must exist (a
// mistyped --db is never made into a new file), waiting for another
// command that holds it. The error is a sentence for the user.
func (r *runner) openExisting() (*store.Store, error) {
	path, err := r.existing()
	if err != nil {
		return nil, err
	}
	st, err := store.OpenWaiting(path, r.saysWaiting)
	if err != nil {
		return nil, errors.New(messages.Explain(err))
	}
	return st, nil
}

// openForReading opens the database a command only reads, which must
// exist. When the file is held by the window or cannot be written (a
// locked stick), it is read as it stands on the disk instead.
func (r *runner) openForReading() (*store.Store, error) {
	path, err := r.existing()
	if err != nil {
		return nil, err
	}
	st, err := store.Open(path)
	if errors.Is(err, store.ErrLocked) || errors.Is(err, store.ErrReadOnly) {
		st, err = store.OpenReadOnly(path)
	}
	if err != nil {
		return nil, errors.New(messages.Explain(err))
	}
	return st, nil
}

// reportForReading opens the database a command only reads
// (openForReading) and picks the report id names, or the only one
// (pickReport). On failure it has said why and returns a nil store with
// the exit code; the caller closes the store otherwise.
func (r *runner) reportForReading(id int64) (*store.Store, plan.Report, int) {
	st, err := r.openForReading()
	if err != nil {
		return nil, plan.Report{}, r.fail(1, err.Error())
	}
	rep, code, err := pickReport(st, id)
	if err != nil {
		st.Close()
		return nil, plan.Report{}, r.fail(code, err.Error())
	}
	return st, rep, 0
}

// existing is the database path, which must name a file.
func (r *runner) existing() (string, error) {
	path, err := r.path()
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", errors.New(tr("the database %s does not exist. Name the database file with --db.", path))
		}
		return "", errors.New(messages.Explain(err))
	}
	return path, nil
}

// reviewer is the name changes from the command line are recorded under.
func reviewer() string {
	if name := strings.TrimSpace(os.Getenv("PLANDESK_REVIEWER")); name != "" {
		return name
	}
	return defaultReviewer
}

// tr formats a command-line message in the UI language.
func tr(format string, args ...any) string { return messages.Sprintf(format, args...) }

// findReport returns the report with the id, or an error listing the ones
// there are.
func findReport(st *store.Store, id int64) (plan.Report, error) {
	reports, err := st.Reports()
	if err != nil {
		return plan.Report{}, err
	}
	for _, r := range reports {
		if r.ID == id {
			return r, nil
		}
	}
	return plan.Report{}, errors.New(tr("the database has no report with id %d. %s", id, listReports(reports)))
}

// pickReport returns the report --report names, or the only one when it
// names none; with several reports and no --report it is a usage error
// (exit code 2).
func pickReport(st *store.Store, id int64) (plan.Report, int, error) {
	if id != 0 {
		r, err := findReport(st, id)
		return r, 1, err
	}
	reports, err := st.Reports()
	if err != nil {
		return plan.Report{}, 1, err
	}
	switch len(reports) {
	case 0:
		return plan.Report{}, 1, errors.New(tr("the database holds no report yet."))
	case 1:
		return reports[0], 0, nil
	}
	return plan.Report{}, 2, errors.New(tr("the database holds %d reports: name the one to import into with --report. %s", len(reports), listReports(reports)))
}

func listReports(reports []plan.Report) string {
	if len(reports) == 0 {
		return tr("The database holds no report yet.")
	}
	parts := make([]string, len(reports))
	for i, r := range reports {
		parts[i] = fmt.Sprintf("%d %s", r.ID, r.Title)
	}
	return tr("Reports: %s", strings.Join(parts, tr("; ")))
}

func defaultPathForHelp() string {
	p, err := store.DefaultPath()
	if err != nil {
		return errors.Unwrap(err).Error()
	}
	return p
}
