package cli

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"plandesk/messages"
	"plandesk/plan"
)

// RunSet is `plandesk set ID FIELD VALUE [--db PATH]`: it changes one field
// of one indicator in one transaction with its revision, under the reviewer
// name PLANDESK_REVIEWER (default 命令行), as a cell edit in the window
// does, and says so only once the change is on the disk. FIELD is one of
// the names plan.Fields lists (target, midterm, note, …). It returns the
// process exit code: 1 when the value is refused, 2 for a usage error.
func RunSet(args []string, stdout, stderr io.Writer) int {
	fields := make([]string, 0, len(plan.Fields()))
	for _, f := range plan.Fields() {
		fields = append(fields, string(f))
	}
	r := newRunner("plandesk set", "plandesk set ID FIELD VALUE [--db PATH]; FIELD is one of "+strings.Join(fields, ", ")+"; a VALUE may be negative (-3.5%)", stderr)
	var positional []string
	for len(args) > 0 {
		if looksNegative(args[0]) {
			// A negative value (-3.5%, －2) is the value, not a flag.
			positional, args = append(positional, args[0]), args[1:]
			continue
		}
		if err := r.flags.Parse(args); err != nil {
			return 2
		}
		args = r.flags.Args()
		if len(args) > 0 {
			positional, args = append(positional, args[0]), args[1:]
		}
	}
	if len(positional) != 3 {
		return r.fail(2, tr("give an indicator id, a field and a value."))
	}
	id, err := strconv.ParseInt(positional[0], 10, 64)
	if err != nil || id <= 0 {
		return r.fail(2, tr("%q is not an indicator id.", positional[0]))
	}
	field := plan.Field(positional[1])
	if !slices.Contains(plan.Fields(), field) {
		return r.fail(2, tr("unknown field %q.", positional[1]))
	}
	st, err := r.openExisting()
	if err != nil {
		return r.fail(1, err.Error())
	}
	defer st.Close()
	_, change, err := st.EditIndicator(id, field, positional[2], reviewer())
	if err != nil {
		return r.fail(1, messages.Explain(err))
	}
	fmt.Fprintln(stdout, tr("Saved: indicator %d %s = %q (%d revisions recorded).", id, field, positional[2], len(change)))
	return 0
}

// looksNegative reports whether an argument is a negative number rather
// than a flag: a minus sign (ASCII or full-width) and then a digit or a
// decimal point.
func looksNegative(arg string) bool {
	rest, ok := strings.CutPrefix(arg, "-")
	if !ok {
		rest, ok = strings.CutPrefix(arg, "－")
	}
	if !ok || rest == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return r >= '0' && r <= '9' || r == '.' || r >= '０' && r <= '９'
}
