package store

import (
	"encoding/json"
	"fmt"
	"os"

	"gorm.io/gorm"

	"plandesk/plan"
	"plandesk/reviewpack"
)

// laptopsAndUIDs gives the database its laptop identity (one row, a
// random uid) and gives sections and revisions the uids review packages
// name them by: a section's is derived from its report's fingerprint and
// its place (fillUIDs), so two laptops that imported the same text agree;
// a revision's is the laptop's uid and its local id, with the laptop that
// made it and the uid of what it changed (entity_uid, kept so a package
// can name a deleted indicator). origin is, for a change merged from a
// package, its uid on the laptop that made it; merged_changes remembers
// every change a merge saw and recorded no revision for — found already
// here, or a conflict the user kept their own value for — whole, so that
// merging a package again changes nothing and so that this laptop passes
// it on (a deletion of something it never had still reaches the laptop
// that has it). after_revision places it among the revisions for that:
// it sorts after that revision and before the next.
// resolutionsAdopt lets a revision that resolved a merge conflict by
// taking the other side's value name the change it took (adopts): the
// next merge then knows this side stands where that change does on the
// field's line, and applies the other side's later edits of it without
// calling them a conflict again.
const resolutionsAdopt = `ALTER TABLE revisions ADD COLUMN adopts TEXT NOT NULL DEFAULT '';`

const laptopsAndUIDs = `
CREATE TABLE laptops (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	uid TEXT NOT NULL,
	name TEXT NOT NULL DEFAULT ''
);
INSERT INTO laptops (id, uid, name) VALUES (1, lower(hex(randomblob(16))), '');
ALTER TABLE sections ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE revisions ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE revisions ADD COLUMN laptop TEXT NOT NULL DEFAULT '';
ALTER TABLE revisions ADD COLUMN origin TEXT NOT NULL DEFAULT '';
ALTER TABLE revisions ADD COLUMN entity_uid TEXT NOT NULL DEFAULT '';
UPDATE revisions SET uid = (SELECT uid FROM laptops) || ':' || id, laptop = (SELECT uid FROM laptops);
CREATE TABLE merged_changes (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	uid TEXT NOT NULL,
	after_revision INTEGER NOT NULL,
	change TEXT NOT NULL
);
CREATE UNIQUE INDEX merged_changes_uid ON merged_changes(report_id, uid);`

// fillUIDs computes the uids SQL cannot (sections' from a SHA-256,
// revisions' entity uids from their snapshots), names the laptop after the
// host, and then indexes the uids.
func fillUIDs(tx *gorm.DB) error {
	if host, err := os.Hostname(); err == nil {
		if err := tx.Exec("UPDATE laptops SET name = ?", host).Error; err != nil {
			return err
		}
	}
	var reports []plan.Report
	if err := tx.Find(&reports).Error; err != nil {
		return err
	}
	for _, r := range reports {
		if err := fillSectionUIDs(tx, r); err != nil {
			return err
		}
	}
	if err := fillEntityUIDs(tx); err != nil {
		return err
	}
	return tx.Exec(`CREATE UNIQUE INDEX sections_uid ON sections(report_id, uid);
CREATE UNIQUE INDEX revisions_uid ON revisions(uid);
CREATE INDEX revisions_origin ON revisions(origin);
CREATE INDEX revisions_entity ON revisions(report_id, entity_uid, id);`).Error
}

// fillSectionUIDs derives a report's sections' uids from its fingerprint
// and their places; a report imported before fingerprints were kept has
// none, and its sections' uids are this laptop's own.
func fillSectionUIDs(tx *gorm.DB, r plan.Report) error {
	basis := r.Fingerprint
	if basis == "" {
		var laptop string
		if err := tx.Raw("SELECT uid FROM laptops").Scan(&laptop).Error; err != nil {
			return err
		}
		basis = fmt.Sprintf("local|%s|%d", laptop, r.ID)
	}
	var sections []plan.Section
	if err := tx.Where("report_id = ?", r.ID).Order("seq").Find(&sections).Error; err != nil {
		return err
	}
	for _, sec := range sections {
		if err := tx.Model(&plan.Section{}).Where("id = ?", sec.ID).Update("uid", sectionUID(basis, sec.Seq)).Error; err != nil {
			return err
		}
	}
	return nil
}

// sectionUID is the identity of a section imported from a report's text:
// as proposalUID, from the fingerprint and the section's place, marked as
// a section's.
func sectionUID(fingerprint string, seq int) string {
	return proposalUID("section|"+fingerprint, seq, 0, 0)
}

// fillEntityUIDs names, on every revision, the uid of what it changed:
// from the row when it is still there, else from a snapshot of it (its
// creation's or deletion's revision).
func fillEntityUIDs(tx *gorm.DB) error {
	var revs []plan.Revision
	if err := tx.Find(&revs).Error; err != nil {
		return err
	}
	uids, err := knownEntityUIDs(tx, revs)
	if err != nil {
		return err
	}
	for _, r := range revs {
		kind, id := entityOf(r)
		if uid := uids[entityKey{kind, id}]; uid != "" {
			if err := tx.Model(&plan.Revision{}).Where("id = ?", r.ID).Update("entity_uid", uid).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// entityKey is a local row: a kind (a reviewpack.Kind*) and an id.
type entityKey struct {
	kind string
	id   int64
}

// knownEntityUIDs maps every row the revisions name to its uid: the rows
// there now, and those only snapshots remember.
func knownEntityUIDs(tx *gorm.DB, revs []plan.Revision) (map[entityKey]string, error) {
	uids := map[entityKey]string{}
	for _, t := range []struct{ kind, table string }{{kindIndicator, "indicators"}, {kindProject, "projects"}, {kindComment, "comments"}, {kindSection, "sections"}} {
		var rows []struct {
			ID  int64
			UID string
		}
		if err := tx.Table(t.table).Select("id, uid").Find(&rows).Error; err != nil {
			return nil, err
		}
		for _, row := range rows {
			uids[entityKey{t.kind, row.ID}] = row.UID
		}
	}
	for _, r := range revs {
		kind, id := entityOf(r)
		if uid := snapshotUID(r); uid != "" && uids[entityKey{kind, id}] == "" {
			uids[entityKey{kind, id}] = uid
		}
	}
	return uids, nil
}

// snapshotUID is the uid in a creation's or deletion's snapshot.
func snapshotUID(r plan.Revision) string {
	text := r.NewText
	if r.Action == plan.ActionDelete {
		text = r.OldText
	}
	if r.Action != plan.ActionCreate && r.Action != plan.ActionDelete {
		return ""
	}
	var snap struct{ UID string }
	if json.Unmarshal([]byte(text), &snap) != nil {
		return ""
	}
	return snap.UID
}

// The kinds of what a revision changes, as review packages name them.
const (
	kindIndicator = reviewpack.KindIndicator
	kindProject   = reviewpack.KindProject
	kindComment   = reviewpack.KindComment
	kindSection   = reviewpack.KindSection
)

// entityOf is the kind and local id of what a revision changed; a
// report's own revisions (a deletion, a new text) name none.
func entityOf(r plan.Revision) (string, int64) {
	switch {
	case r.CommentID != 0:
		return kindComment, r.CommentID
	case r.ProjectID != 0:
		return kindProject, r.ProjectID
	case r.SectionID != 0:
		return kindSection, r.SectionID
	case r.IndicatorID != 0:
		return kindIndicator, r.IndicatorID
	}
	return "", 0
}
