package cli

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2/lang"

	"plandesk/messages"
	"plandesk/reviewpack"
	"plandesk/store"
)

// exitConflicts is merge's exit code when a package has conflicts no
// --conflicts resolved: nothing was merged, and a script can tell this
// apart from a failure (1) and a usage error (2).
const exitConflicts = 3

// RunMerge is `plandesk merge FILE [--dry-run] [--conflicts mine|theirs]
// [--db PATH]`: it reads a review package and prints, as the window's
// preview does, who sent it, the counts, each change it will apply and
// each conflict with both sides (value, who, when). A package of a report
// the database does not hold adds the report from the package first
// (saying so), as the window offers to; --dry-run only says it would.
// Then it applies every change that does not conflict in one
// transaction, recorded as revisions naming the other reviewer, and says
// what it applied. A package with conflicts and no --conflicts applies
// nothing and exits with status 3; --conflicts mine keeps this database's
// value of every conflict, theirs takes the package's. --dry-run changes
// nothing and exits 0, or 3 when conflicts are left unresolved, so that
// a script can ask first. The reviewer of a resolution is
// PLANDESK_REVIEWER.
func RunMerge(args []string, stdout, stderr io.Writer) int {
	r := newRunner("plandesk merge", "plandesk merge FILE [--dry-run] [--conflicts mine|theirs] [--db PATH]", stderr)
	dryRun := r.flags.Bool("dry-run", false, "print what the merge would do; change nothing")
	choice := r.flags.String("conflicts", "", "resolve every conflict: mine keeps this database's value, theirs takes the package's")
	file, ok := r.parseWithFile(args)
	switch {
	case !ok:
		return 2
	case file == "":
		return r.fail(2, tr("name the review package to merge."))
	case *choice != "" && *choice != store.KeepMine && *choice != store.TakeTheirs:
		return r.fail(2, tr("--conflicts must be mine or theirs."))
	}
	p, err := readPack(file)
	if err != nil {
		return r.fail(1, tr("cannot read %s: %v", file, messages.Explain(err)))
	}
	open := r.openExisting
	if *dryRun {
		open = r.openForReading
	}
	st, err := open()
	if err != nil {
		return r.fail(1, err.Error())
	}
	defer st.Close()
	mp, err := planPack(st, p, *dryRun, stdout)
	if err != nil {
		return r.fail(1, messages.Explain(err))
	}
	if mp.ReportID == 0 {
		fmt.Fprintln(stdout, tr("Dry run: nothing was changed."))
		return 0
	}
	printMergePlan(stdout, mp)
	unresolved := len(mp.Conflicts) > 0 && *choice == ""
	switch {
	case *dryRun && unresolved:
		fmt.Fprintln(stdout, tr("Dry run: nothing was changed."))
		return r.fail(exitConflicts, tr("Conflicts not resolved: %d, so merging would apply nothing. Merge with --conflicts mine to keep this database's values, or --conflicts theirs to take the package's.", len(mp.Conflicts)))
	case *dryRun:
		fmt.Fprintln(stdout, tr("Dry run: nothing was changed."))
		return 0
	case unresolved:
		return r.fail(exitConflicts, tr("Conflicts not resolved: %d, so nothing was merged. Merge again with --conflicts mine to keep this database's values, or --conflicts theirs to take the package's.", len(mp.Conflicts)))
	}
	if len(mp.Apply) == 0 && len(mp.Conflicts) == 0 {
		fmt.Fprintln(stdout, tr("Nothing to merge: nothing was changed."))
		return 0
	}
	done, err := st.ApplyMerge(mp, mp.Resolve(*choice), reviewer())
	if err != nil {
		return r.fail(1, messages.Explain(err))
	}
	fmt.Fprintln(stdout, merged(len(done), p.Sender.Reviewer, len(mp.Conflicts), *choice))
	return 0
}

// planPack plans the merge of p, first adding its report when the
// database does not hold it. A dry run only says it would and returns the
// plan with ReportID 0: the changes have nothing here to be planned on.
func planPack(st *store.Store, p reviewpack.Pack, dryRun bool, stdout io.Writer) (store.MergePlan, error) {
	mp, err := st.PlanMerge(p)
	if err != nil || mp.ReportID != 0 {
		return mp, err
	}
	if dryRun {
		fmt.Fprintln(stdout, messages.PackSender(p.Sender.Reviewer, p.Sender.LaptopName, p.Created))
		fmt.Fprintln(stdout, tr("This database does not hold “%s”: merging would add the report from the package first, then apply its %d changes.", p.Report.Title, len(p.Changes)))
		return mp, nil
	}
	rep, err := st.AddPackReport(p)
	if err != nil {
		return store.MergePlan{}, err
	}
	fmt.Fprintln(stdout, tr("Added “%s” (id %d) from the package: this database did not hold it.", rep.Title, rep.ID))
	return st.PlanMerge(p)
}

// printMergePlan prints the preview: who sent the package, the counts,
// the changes that apply and the conflicts side by side.
func printMergePlan(w io.Writer, mp store.MergePlan) {
	fmt.Fprintln(w, messages.PackSender(mp.Pack.Sender.Reviewer, mp.Pack.Sender.LaptopName, mp.Pack.Created))
	fmt.Fprintln(w, messages.MergeCounts(len(mp.Apply), len(mp.Already), len(mp.Conflicts), len(mp.Orphans)))
	for _, c := range mp.Apply {
		name := mp.Names[c.Entity]
		fmt.Fprintln(w, "\t"+messages.PackChangeLine(c, name))
	}
	if len(mp.Conflicts) == 0 {
		return
	}
	fmt.Fprintln(w, lang.L("Conflicts: both sides changed these since they last agreed"))
	for _, c := range mp.Conflicts {
		fmt.Fprintln(w, "\t"+messages.ConflictTitle(c.Kind, c.Name, c.Field, c.Deleted == store.DeletedHere, c.Deleted == store.DeletedThere))
		fmt.Fprintf(w, "\t\t%s：%s\t%s\n", lang.L("Mine (this laptop)"), messages.PackValue(c.Kind, c.Field, c.Mine.Value), messages.SideWho(c.Mine.Reviewer, c.Mine.At))
		fmt.Fprintf(w, "\t\t%s：%s\t%s\n", lang.L("Theirs (the package)"), messages.PackValue(c.Kind, c.Field, c.Theirs.Value), messages.SideWho(c.Theirs.Reviewer, c.Theirs.At))
	}
}

// merged says what a merge applied and, on a line of its own (sentences
// are not joined by a space in Chinese), how its conflicts were resolved.
func merged(revisions int, from string, conflicts int, choice string) string {
	s := tr("Merged %d changes from %s.", revisions, messages.Shown(from))
	switch {
	case conflicts > 0 && choice == store.KeepMine:
		s += "\n" + tr("Conflicts resolved by keeping this database's values: %d.", conflicts)
	case conflicts > 0:
		s += "\n" + tr("Conflicts resolved by taking the package's values: %d.", conflicts)
	}
	return s
}
