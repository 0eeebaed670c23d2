package store

import (
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"

	"plandesk/plan"
	"plandesk/reviewpack"
)

// MergePlan is what merging a review package would do, read without
// changing anything: the preview a dialog shows and ApplyMerge carries
// out. Every change of the package is in exactly one of Apply, Already,
// Conflicts (by the changes each conflict holds) and Orphans.
type MergePlan struct {
	// Pack is the package.
	Pack reviewpack.Pack
	// ReportID is the report here the package is of; 0 when the database
	// does not hold it (AddPackReport adds it, then plan again).
	ReportID int64
	// Apply are the changes that will be applied, in the package's order.
	Apply []reviewpack.Change
	// Already are the changes this database holds: merged before, made
	// here, or the field already at the value they give.
	Already []reviewpack.Change
	// Conflicts are what both sides changed apart since their common
	// base; each must be resolved for the merge to apply.
	Conflicts []Conflict
	// Orphans are changes of something this database never had (an
	// earlier package of the sender's was not merged here): they are
	// left out, and a package holding everything (no --since) brings them.
	Orphans []reviewpack.Change
	// Names are the names of what the changes change, by entity uid.
	Names map[string]string
	// LastRevision is the database's newest revision when the plan was
	// made: ApplyMerge refuses when the database changed since.
	LastRevision int64
	// lineEnds are the changes, found already here, that end a line of
	// the package whose value this side holds without a revision of that
	// change: remembered last on the line here, as the package has them.
	lineEnds map[string]bool
}

// Conflict is one thing both sides changed apart: the same field to
// different values, or a deletion on one side of what the other edited.
type Conflict struct {
	// Key names the conflict in ApplyMerge's resolutions.
	Key string
	// Kind (reviewpack.Kind*), Entity (its uid) and Name say what it is.
	Kind, Entity, Name string
	// Field is the field changed on both sides; empty for a deletion.
	Field string
	// Deleted is DeletedHere or DeletedThere for a deletion on one side
	// of what the other side edited; empty otherwise.
	Deleted string
	// Base is the value both sides started from.
	Base string
	// Mine and Theirs are this database's value and the package's.
	Mine, Theirs Side
	// Changes are the package's changes the conflict holds.
	Changes []reviewpack.Change
}

// Where a conflict's deletion was made.
const (
	DeletedHere  = "here"
	DeletedThere = "there"
)

// Side is one side of a conflict: the value, and who set it where and
// when (nothing for a value no revision here set, such as an import's).
type Side struct {
	Value, Reviewer, Laptop string
	At                      time.Time
}

// Resolution is how the user resolved a conflict.
type Resolution struct {
	// Choice is KeepMine, TakeTheirs or TypeValue.
	Choice string
	// Value is the value typed, for TypeValue.
	Value string
}

// The choices of a Resolution.
const (
	KeepMine   = "mine"
	TakeTheirs = "theirs"
	TypeValue  = "value"
)

// Resolve resolves every conflict of a plan the same way: the command
// line's --conflicts mine|theirs.
func (p MergePlan) Resolve(choice string) map[string]Resolution {
	out := make(map[string]Resolution, len(p.Conflicts))
	for _, c := range p.Conflicts {
		out[c.Key] = Resolution{Choice: choice}
	}
	return out
}

// PlanMerge is what merging p into this database would do; it changes
// nothing. A package of a report the database does not hold gives a plan
// with ReportID 0 and every change unplanned.
func (s *Store) PlanMerge(p reviewpack.Pack) (MergePlan, error) {
	var mp MergePlan
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		mp, _, err = planMerge(tx, p)
		return err
	})
	if err != nil {
		return MergePlan{}, fmt.Errorf("plan the merge of a review package: %w", err)
	}
	return mp, nil
}

// planMerge plans in tx, returning the state here it planned against.
func planMerge(tx *gorm.DB, p reviewpack.Pack) (MergePlan, *hereState, error) {
	mp := MergePlan{Pack: p, Names: map[string]string{}, lineEnds: map[string]bool{}}
	var rep plan.Report
	err := tx.Where("fingerprint = ? AND removed_at IS NULL", p.Report.Fingerprint).Order("id").Limit(1).Find(&rep).Error
	if err != nil || rep.ID == 0 {
		return mp, nil, err
	}
	mp.ReportID = rep.ID
	here, err := loadHere(tx, rep.ID)
	if err != nil {
		return mp, nil, err
	}
	mp.LastRevision = here.last
	pl := planner{here: here, plan: &mp, verdict: make([]int, len(p.Changes))}
	if err := pl.run(); err != nil {
		return mp, nil, err
	}
	return mp, here, nil
}

// The verdicts a planner gives each change of a package.
const (
	verdictAlready = iota
	verdictApply
	verdictConflict
	verdictOrphan
)

// planner sorts a package's changes into a plan. It reads each thing's
// changes in the package as the sender's lines — one per field, and one
// of its making and deleting — and places this side on each by uid: this
// side's latest change of a field, or of the thing's existence, is either
// on the sender's line (the changes after it apply), or not (both sides
// moved apart: a conflict, unless they came to the same value).
type planner struct {
	here    *hereState
	plan    *MergePlan
	verdict []int           // by the change's index in the package
	uids    map[string]bool // the package's change uids, once asked for
}

// run plans every entity the package changes, then lists the changes by
// verdict in the package's order.
func (pl *planner) run() error {
	changes := pl.plan.Pack.Changes
	order := []key{}
	byEntity := map[key][]int{}
	for i, c := range changes {
		k := key{c.Kind, c.Entity}
		if _, ok := byEntity[k]; !ok {
			order = append(order, k)
		}
		byEntity[k] = append(byEntity[k], i)
	}
	for _, k := range order {
		if err := pl.entity(k, byEntity[k]); err != nil {
			return fmt.Errorf("%s %s: %w", k.kind, k.uid, err)
		}
	}
	for i, c := range changes {
		switch pl.verdict[i] {
		case verdictAlready:
			pl.plan.Already = append(pl.plan.Already, c)
		case verdictApply:
			pl.plan.Apply = append(pl.plan.Apply, c)
		case verdictOrphan:
			pl.plan.Orphans = append(pl.plan.Orphans, c)
		}
	}
	return nil
}

// entity plans the changes of one entity (their indices, in order).
func (pl *planner) entity(k key, idx []int) error {
	changes := pl.plan.Pack.Changes
	e := pl.here.entities[k]
	pl.name(k, e, idx)
	// Whether the sender has the thing is told by the last creation or
	// deletion it applied: one it only relayed (seen there, kept out) does
	// not make or unmake it there, wherever it stands in the package.
	lastExist, relayedOnly := -1, false
	for _, i := range idx {
		if a := changes[i].Action; a == plan.ActionCreate || a == plan.ActionDelete {
			if !changes[i].Relayed {
				lastExist = i
			}
			relayedOnly = lastExist < 0
		}
	}
	goneThere := lastExist >= 0 && changes[lastExist].Action == plan.ActionDelete || relayedOnly
	switch {
	case e != nil && goneThere:
		return pl.deletedThere(k, e, idx, lastExist)
	case e != nil:
		return pl.fields(k, e.fields, idx, -1)
	case goneThere:
		return nil // gone on both sides: already
	case lastExist >= 0 && !pl.here.seen[changes[lastExist].UID]:
		if pl.anchorGone(changes[lastExist]) {
			// Made on something the package deletes after it (a reply to a
			// thread whose deletion the sender kept over it): the sender
			// keeps it out too; it stays seen, with its edits.
			return nil
		}
		if !pl.anchorable(changes[lastExist]) {
			pl.unanchored(lastExist, idx)
			return nil
		}
		created, err := snapshotEntity(changes[lastExist], changes[lastExist].New)
		if err != nil {
			return err
		}
		pl.verdict[lastExist] = verdictApply
		return pl.fields(k, created.fields, idx, lastExist)
	}
	if _, ok := pl.here.deleted[k]; ok || lastExist >= 0 {
		return pl.deletedHere(k, idx, lastExist)
	}
	for _, i := range idx {
		if !pl.here.seen[changes[i].UID] {
			pl.verdict[i] = verdictOrphan
		}
	}
	return nil
}

// unanchored plans a creation whose anchor is not here: when this side
// deleted it (a reply to a thread deleted here, a comment on an indicator
// deleted here), a conflict on what was deleted — taking theirs brings it
// back with the new comment; else an orphan.
func (pl *planner) unanchored(i int, idx []int) {
	c := pl.plan.Pack.Changes[i]
	// The thing's later edits go with its creation: taking theirs makes it
	// and then edits it as the package did.
	held := []int{i}
	for _, j := range idx {
		if j > i && !pl.here.seen[pl.plan.Pack.Changes[j].UID] && pl.plan.Pack.Changes[j].Action == plan.ActionEdit {
			held = append(held, j)
		}
	}
	for _, dep := range []key{{kindComment, c.Parent}, {kindIndicator, c.On}, {kindProject, c.On}} {
		if dep.uid == "" || pl.here.entities[dep] != nil {
			continue
		}
		if mine, ok := pl.deletion(dep); ok {
			pl.conflict(Conflict{Kind: dep.kind, Entity: dep.uid, Deleted: DeletedHere, Mine: mine, Theirs: theirs(c, c.New)}, held)
			return
		}
	}
	pl.verdict[i] = verdictOrphan
}

// anchorGone says whether what a creation stands on (a reply's thread, a
// comment's indicator or project) is, at the end of the package, deleted
// there.
func (pl *planner) anchorGone(c reviewpack.Change) bool {
	for _, dep := range []key{{kindComment, c.Parent}, {kindIndicator, c.On}, {kindProject, c.On}} {
		if dep.uid == "" {
			continue
		}
		gone := false
		for _, other := range pl.plan.Pack.Changes {
			if other.Kind == dep.kind && other.Entity == dep.uid && !other.Relayed && (other.Action == plan.ActionCreate || other.Action == plan.ActionDelete) {
				gone = other.Action == plan.ActionDelete
			}
		}
		if gone {
			return true
		}
	}
	return false
}

// deletion is this side of a thing deleted here: who deleted it, here or
// in a package merged here before (it was gone on both sides then, and
// recorded no revision: deleted here all the same).
func (pl *planner) deletion(k key) (Side, bool) {
	if del, ok := pl.here.deleted[k]; ok {
		return Side{Reviewer: del.Reviewer, Laptop: del.Laptop, At: del.At}, true
	}
	if del, ok := pl.here.seenDeleted[k]; ok {
		return Side{Reviewer: del.Reviewer, Laptop: del.Laptop, At: del.At}, true
	}
	return Side{}, false
}

// anchorable says whether what a creation stands on is here or is made
// by the package before it: its section, a reply's thread, a comment's
// indicator or project.
func (pl *planner) anchorable(c reviewpack.Change) bool {
	if _, ok := pl.here.sections[c.Section]; !ok {
		return false
	}
	for _, dep := range []key{{kindComment, c.Parent}, {kindIndicator, c.On}, {kindProject, c.On}} {
		if dep.uid == "" {
			continue
		}
		if pl.here.entities[dep] != nil {
			return true
		}
		for i, other := range pl.plan.Pack.Changes {
			if other.Kind == dep.kind && other.Entity == dep.uid && other.Action == plan.ActionCreate && pl.verdict[i] == verdictApply {
				return true
			}
		}
		if dep.kind != kindIndicator { // an On names an indicator or a project
			return false
		}
	}
	return c.Parent == "" && c.On == ""
}

// name records what the dialog calls an entity: its name here, else in
// the package's latest snapshot of it.
func (pl *planner) name(k key, e *entity, idx []int) {
	if e != nil {
		pl.plan.Names[k.uid] = e.name
		return
	}
	for _, i := range slices.Backward(idx) {
		c := pl.plan.Pack.Changes[i]
		snap := c.New
		if c.Action == plan.ActionDelete {
			snap = c.Old
		}
		if c.Action == plan.ActionCreate || c.Action == plan.ActionDelete {
			if se, err := snapshotEntity(c, snap); err == nil {
				pl.plan.Names[k.uid] = se.name
				return
			}
		}
	}
}

// fields plans the edits of an entity whose fields stand at values (here,
// or as the package creates it: after index from), field by field.
func (pl *planner) fields(k key, values map[string]string, idx []int, from int) error {
	changes := pl.plan.Pack.Changes
	byField := map[string][]int{}
	var order []string
	for _, i := range idx {
		c := changes[i]
		if i <= from || c.Action != plan.ActionEdit && c.Action != plan.ActionMove {
			continue // a creation or deletion here already, or an edit before the creation planned
		}
		if _, ok := byField[c.Field]; !ok {
			order = append(order, c.Field)
		}
		byField[c.Field] = append(byField[c.Field], i)
	}
	for _, f := range order {
		pl.chain(k, f, values[f], byField[f], from >= 0)
	}
	return nil
}

// chain plans the package's edits of one field, made one after the other
// on the sender's side, against cur, the value here. Where this side
// stands on the sender's line is told by this side's latest change of the
// field (head): when the package holds it, this side is behind on the
// sender's line (or level with it) and the edits after it apply; when
// this side never changed the field, every edit new here applies; when
// the package does not hold it, both sides changed the field apart: a
// conflict, unless they came to the same value. Values alone would not
// do: two laptops that resolved one conflict apart (甲1 → 乙1 on one,
// 乙1 → 甲1 on the other) each stand at a value along the other's line.
//
// fresh says the entity is made again by this merge from the package's
// snapshot (a thing deleted here and brought back there): its fields are
// the snapshot's, so an edit made after it applies even when this side
// has seen it — it was undone here by the deletion.
func (pl *planner) chain(k key, field, cur string, idx []int, fresh bool) {
	changes := pl.plan.Pack.Changes
	seen := func(i int) bool { return !fresh && pl.here.seen[changes[i].UID] }
	unseen := -1
	for n, i := range idx {
		if !seen(i) && unseen < 0 {
			unseen = n
		}
	}
	last := changes[idx[len(idx)-1]]
	if unseen >= 0 && cur == last.New && !fresh && pl.here.revisionOf[last.UID] == 0 {
		// The field here stands at the value the package's line ends on,
		// with no revision of that last change: remember it last, after
		// the line's other changes this merge remembers, so that this
		// side's line, passed on, ends on the value it holds.
		pl.plan.lineEnds[last.UID] = true
	}
	if unseen < 0 && cur != last.New && !fresh && pl.orderedApart(k, field, cur, idx) {
		return
	}
	if unseen < 0 || cur == last.New && !fresh {
		return // every change here, or the field at their value already
	}
	from := 0 // the first of the chain that may apply
	if head, ok := pl.here.latest[k][field]; ok && !fresh {
		from = pl.after(head, idx)
	}
	if from >= 0 {
		for _, i := range idx[from:] {
			if !seen(i) {
				pl.verdict[i] = verdictApply
			}
		}
		return
	}
	if last.New == changes[idx[unseen]].Old {
		// Their edits since the base came back to it (甲0 → 甲1 → 甲0)
		// and the package never saw this side's change: only this side
		// changed the field, so its value stands and theirs are seen.
		for _, i := range idx[unseen:] {
			if !seen(i) {
				pl.verdict[i] = verdictAlready
			}
		}
		return
	}
	mine := pl.mine(k, field, cur)
	var open []int
	for _, i := range idx {
		if !seen(i) {
			open = append(open, i)
		}
	}
	pl.conflict(Conflict{Kind: k.kind, Entity: k.uid, Field: field, Base: pl.base(idx, unseen), Mine: mine, Theirs: theirs(last, last.New)}, open)
}

// orderedApart plans a field both sides know every change of, and hold
// at different values: each side put the other's change before its own
// (two reviewers who each kept their value over the other's). Nothing
// would ever move either, so it is a conflict, the package's last change
// against this side's value.
func (pl *planner) orderedApart(k key, field, cur string, idx []int) bool {
	head, ok := pl.here.latest[k][field]
	if !ok {
		return false
	}
	n := pl.after(head, idx)
	if n < 0 || n >= len(idx) {
		return false
	}
	changes := pl.plan.Pack.Changes
	last := changes[idx[len(idx)-1]]
	pl.conflict(Conflict{Kind: k.kind, Entity: k.uid, Field: field, Base: head.OldText, Mine: pl.mine(k, field, cur), Theirs: theirs(last, last.New)}, idx[len(idx)-1:])
	return true
}

// after is where on the package's line of a field (idx) the changes new
// here begin, given head, this side's latest change of the field: after
// head when the package holds it; after the change head adopted when
// head took the package's side of a conflict, unless the package since
// resolved that conflict the other way (a change of it adopts one this
// side knows: both sides chose, apart). -1 when this side stands off the
// package's line.
func (pl *planner) after(head plan.Revision, idx []int) int {
	changes := pl.plan.Pack.Changes
	find := func(uid string) int { // its last place: where the sender last applied it
		for n, i := range slices.Backward(idx) {
			if uid != "" && changes[i].UID == uid {
				return n + 1
			}
		}
		return -1
	}
	if n := find(head.Identity()); n >= 0 || head.Adopts == "" {
		return n
	}
	n := find(head.Adopts)
	if n < 0 {
		return -1
	}
	for _, i := range idx[n:] {
		if c := changes[i]; !pl.here.seen[c.UID] && c.Adopts != "" && pl.here.seen[c.Adopts] {
			return -1
		}
	}
	return n
}

// base is the value both sides of a conflict started from: the value the
// package's first change new here was made on, or, when that change
// resolved a conflict, the base of that conflict — the value the change
// it adopted (or the one that one adopted, and so on) was made on.
func (pl *planner) base(idx []int, unseen int) string {
	changes := pl.plan.Pack.Changes
	byUID := make(map[string]reviewpack.Change, len(idx))
	for _, i := range idx {
		byUID[changes[i].UID] = changes[i]
	}
	c := changes[idx[unseen]]
	for range idx { // each step adopts an earlier change: at most len(idx)
		adopted, ok := byUID[c.Adopts]
		if !ok {
			break
		}
		c = adopted
	}
	return c.Old
}

// mine is this side of a conflict: the value here, with who set it.
func (pl *planner) mine(k key, field, value string) Side {
	side := Side{Value: value}
	if r, ok := pl.here.latest[k][field]; ok {
		side.Reviewer, side.Laptop, side.At = r.Reviewer, r.Laptop, r.At
	}
	return side
}

func theirs(c reviewpack.Change, value string) Side {
	return Side{Value: value, Reviewer: c.Reviewer, Laptop: c.Laptop, At: c.At}
}

// conflict adds a conflict holding the changes at idx.
func (pl *planner) conflict(c Conflict, idx []int) {
	c.Key = c.Kind + "|" + c.Entity + "|" + c.Field
	c.Name = pl.plan.Names[c.Entity]
	var changes []reviewpack.Change
	for _, i := range idx {
		pl.verdict[i] = verdictConflict
		changes = append(changes, pl.plan.Pack.Changes[i])
	}
	// One conflict per thing and field: a deletion here that the package
	// both edited and replied to is one.
	for j := range pl.plan.Conflicts {
		if pl.plan.Conflicts[j].Key == c.Key {
			pl.plan.Conflicts[j].Changes = append(pl.plan.Conflicts[j].Changes, changes...)
			return
		}
	}
	c.Changes = changes
	pl.plan.Conflicts = append(pl.plan.Conflicts, c)
}

// deletedThere plans the deletion, by the package, of what is here: a
// conflict when this side changed it since the snapshot the deletion
// kept (or answered a comment the package does not delete).
func (pl *planner) deletedThere(k key, e *entity, idx []int, del int) error {
	changes := pl.plan.Pack.Changes
	// The deletion that counts is the latest new here since the package
	// last made the thing: one seen here before was answered here already
	// (brought back since), but a later one seen must not hide one not.
	for _, i := range slices.Backward(idx) {
		if changes[i].Action == plan.ActionCreate {
			break
		}
		if changes[i].Action == plan.ActionDelete && !pl.here.seen[changes[i].UID] {
			del = i
			break
		}
	}
	if del < 0 {
		return nil // the sender never had it, and deleted nothing new here
	}
	c := changes[del]
	if pl.here.seen[c.UID] {
		if pl.changedUnknown(k) || pl.replyChangedUnknown(e) {
			return nil // brought back here since, which the sender will learn
		}
		// This side knows the deletion and kept the thing, the sender knows
		// all this side did and kept its deletion: nothing would ever move
		// either, so it is a conflict again.
		pl.conflict(Conflict{Kind: k.kind, Entity: k.uid, Deleted: DeletedThere, Mine: pl.mine(k, "", e.name), Theirs: theirs(c, "")}, []int{del})
		return nil
	}
	// Edited here since is told by uids: a change of it here (or of a
	// reply to it) the package does not hold was made without knowing of
	// the deletion — an edit, a reply, a bringing back. One it holds the
	// sender knew when it deleted, or kept its deletion over.
	edited := pl.changedUnknown(k) || pl.replyChangedUnknown(e)
	if !edited {
		pl.verdict[del] = verdictApply
		return nil
	}
	unseen := []int{}
	for _, i := range idx {
		if !pl.here.seen[changes[i].UID] {
			unseen = append(unseen, i)
		}
	}
	pl.conflict(Conflict{Kind: k.kind, Entity: k.uid, Deleted: DeletedThere, Mine: pl.mine(k, "", e.name), Theirs: theirs(c, "")}, unseen)
	return nil
}

// keptApart plans a thing this side deleted and the sender has (made at
// created), when each knows all the other did: the sender knows this
// side's deletion and kept the thing, this side knows the making and kept
// its deletion. Nothing would ever move either, so it is a conflict.
func (pl *planner) keptApart(k key, created int) error {
	del, ok := pl.here.deleted[k]
	if created < 0 || pl.plan.Pack.Changes[created].Action != plan.ActionCreate || !ok {
		return nil
	}
	pl.changedUnknown(k) // fills pl.uids
	if !pl.uids[del.Identity()] {
		return nil // the sender will learn of the deletion
	}
	c := pl.plan.Pack.Changes[created]
	mine := Side{Reviewer: del.Reviewer, Laptop: del.Laptop, At: del.At}
	pl.conflict(Conflict{Kind: k.kind, Entity: k.uid, Deleted: DeletedHere, Mine: mine, Theirs: theirs(c, c.New)}, []int{created})
	return nil
}

// replyChangedUnknown says whether a reply here to the comment e, one the
// package does not delete, has a change the package does not hold.
func (pl *planner) replyChangedUnknown(e *entity) bool {
	for reply := range e.replies {
		if !pl.deletes(reply) && pl.changedUnknown(key{kindComment, reply}) {
			return true
		}
	}
	return false
}

// changedUnknown says whether a latest change here of k (of any of its
// fields, or its making) is one the package does not hold.
func (pl *planner) changedUnknown(k key) bool {
	if pl.uids == nil {
		pl.uids = make(map[string]bool, len(pl.plan.Pack.Changes))
		for _, c := range pl.plan.Pack.Changes {
			pl.uids[c.UID] = true
		}
	}
	for _, r := range pl.here.latest[k] {
		if !pl.uids[r.Identity()] {
			return true
		}
	}
	return false
}

// deletes says whether the package deletes the comment uid.
func (pl *planner) deletes(uid string) bool {
	for _, c := range pl.plan.Pack.Changes {
		if c.Kind == kindComment && c.Entity == uid && c.Action == plan.ActionDelete {
			return true
		}
	}
	return false
}

// deletedHere plans the package's edits of what this side deleted: a
// conflict when any is new here.
func (pl *planner) deletedHere(k key, idx []int, created int) error {
	changes := pl.plan.Pack.Changes
	var unseen []int
	for _, i := range idx {
		if i > created && !pl.here.seen[changes[i].UID] {
			unseen = append(unseen, i)
		}
	}
	if len(unseen) == 0 {
		return pl.keptApart(k, created)
	}
	mine, ok := pl.deletion(k)
	if !ok {
		// Known here once, gone without a deletion (a section a new text
		// dropped took it): nothing to apply it to.
		for _, i := range unseen {
			pl.verdict[i] = verdictOrphan
		}
		return nil
	}
	last := changes[unseen[len(unseen)-1]]
	pl.conflict(Conflict{Kind: k.kind, Entity: k.uid, Deleted: DeletedHere, Mine: mine, Theirs: theirs(last, last.New)}, unseen)
	return nil
}
