package store

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// applicationID marks a SQLite file as PlanDesk's ("PLND"), so that Open can
// refuse some other program's database instead of adding tables to it.
const applicationID = 0x504C4E44

// migration is one step of the schema. Steps run in order, each in its own
// transaction, and are never edited once released: a change is a new step.
//
// Steps are plain SQL rather than GORM's AutoMigrate: SQLite's migrator
// rebuilds a table to alter it, which with foreign keys on would cascade
// deletes through the children. A step that rebuilds tables says so
// (rebuilds): foreign keys are then turned off before its transaction
// begins (SQLite ignores the pragma inside one) and checked before it
// commits.
type migration struct {
	version  int
	name     string
	sql      string
	rebuilds bool
	// fill, when set, runs in the step's transaction after sql: what SQL
	// alone cannot compute (a SHA-256, the host name).
	fill func(tx *gorm.DB) error
}

// migrations is the schema's history, oldest first.
func migrations() []migration {
	return []migration{{
		version: 1,
		name:    "reports, sections and paragraphs",
		sql: `
CREATE TABLE reports (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL,
	region TEXT NOT NULL DEFAULT '',
	plan_period TEXT NOT NULL DEFAULT '',
	evaluation_date TEXT NOT NULL DEFAULT '',
	source_name TEXT NOT NULL DEFAULT '',
	imported_at DATETIME NOT NULL
);
CREATE TABLE sections (
	id INTEGER PRIMARY KEY,
	report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	parent_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	depth INTEGER NOT NULL,
	numbering TEXT NOT NULL,
	title TEXT NOT NULL,
	UNIQUE (report_id, seq)
);
CREATE INDEX sections_parent ON sections(parent_id);
CREATE TABLE paragraphs (
	id INTEGER PRIMARY KEY,
	section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	text TEXT NOT NULL,
	UNIQUE (section_id, seq)
);`,
	}, {
		version: 2,
		name:    "indicators and their revisions",
		sql: `
CREATE TABLE indicators (
	id INTEGER PRIMARY KEY,
	report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	name TEXT NOT NULL,
	unit TEXT NOT NULL DEFAULT '',
	attribute TEXT NOT NULL DEFAULT '',
	direction TEXT NOT NULL DEFAULT 'up',
	baseline TEXT NOT NULL DEFAULT '',
	baseline_value REAL,
	baseline_year TEXT NOT NULL DEFAULT '',
	target TEXT NOT NULL DEFAULT '',
	target_value REAL,
	target_year TEXT NOT NULL DEFAULT '',
	target_kind TEXT NOT NULL DEFAULT '',
	midterm TEXT NOT NULL DEFAULT '',
	midterm_value REAL,
	midterm_as_of TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL DEFAULT '',
	source_paragraph_id INTEGER REFERENCES paragraphs(id) ON DELETE SET NULL,
	state TEXT NOT NULL DEFAULT 'confirmed',
	updated_at DATETIME NOT NULL
);
CREATE INDEX indicators_report ON indicators(report_id, section_id, seq);
CREATE INDEX indicators_section ON indicators(section_id, seq);
CREATE TABLE revisions (
	id INTEGER PRIMARY KEY,
	report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	indicator_id INTEGER NOT NULL,
	action TEXT NOT NULL,
	field TEXT NOT NULL DEFAULT '',
	old_text TEXT NOT NULL DEFAULT '',
	new_text TEXT NOT NULL DEFAULT '',
	reviewer TEXT NOT NULL DEFAULT '',
	at DATETIME NOT NULL
);
CREATE INDEX revisions_indicator ON revisions(indicator_id, id);
CREATE INDEX revisions_report ON revisions(report_id, id);`,
	}, {
		version:  3,
		name:     "ids are never reused; indicators carry an identity",
		rebuilds: true,
		sql:      neverReuseIDs,
	}, {
		version: 4,
		name:    "a reviewer's judgement of a qualitative target",
		// ADD COLUMN with a constant default rewrites nothing: existing
		// indicators read as not yet judged.
		sql: `ALTER TABLE indicators ADD COLUMN manual_status TEXT NOT NULL DEFAULT '';`,
	}, {
		version: 5,
		name:    "projects and tasks",
		sql:     projectsAndTasks,
	}, {
		version: 6,
		name:    "tables of sections",
		// A table's grid is kept whole as JSON: it is read and shown as
		// one, never queried by cell, and its shape varies by table.
		sql: `
CREATE TABLE section_tables (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	after_paragraph INTEGER NOT NULL,
	cells TEXT NOT NULL,
	UNIQUE (section_id, seq)
);`,
	}, {
		version: 7,
		name:    "section review states",
		sql:     sectionReviewStates,
	}, {
		version: 8,
		name:    "review comments",
		sql:     reviewComments,
	}, {
		version: 9,
		name:    "laptops and uids for review packages",
		sql:     laptopsAndUIDs,
		fill:    fillUIDs,
	}, {
		version: 10,
		name:    "what a conflict's resolution took",
		sql:     resolutionsAdopt,
	}}
}

// reviewComments adds the reviewers' comments (审阅意见) and their
// replies, with keys never reused and a random uid each, so that comments
// written on two laptops never collide, and lets a revision name a
// comment by a column of its own, as projects and sections do.
//
// A comment's anchor is kept as what it was on — the section, the
// paragraph's place in it, the span's offsets and the quoted text — not as
// a paragraph's row id: a new version of the report's text replaces the
// paragraphs, and the quote is how the comment finds its text again (or
// knows it is gone). Replies are rows of the same table naming their
// thread's first comment by parent_id.
const reviewComments = `
CREATE TABLE comments (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	uid TEXT NOT NULL,
	report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	parent_id INTEGER NOT NULL DEFAULT 0,
	section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
	anchor TEXT NOT NULL DEFAULT '',
	paragraph_seq INTEGER NOT NULL DEFAULT -1,
	span_start INTEGER NOT NULL DEFAULT 0,
	span_end INTEGER NOT NULL DEFAULT 0,
	quote TEXT NOT NULL DEFAULT '',
	indicator_id INTEGER NOT NULL DEFAULT 0,
	project_id INTEGER NOT NULL DEFAULT 0,
	kind TEXT NOT NULL DEFAULT '',
	replacement TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL,
	reviewer TEXT NOT NULL DEFAULT '',
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL
);
CREATE UNIQUE INDEX comments_uid ON comments(report_id, uid);
CREATE INDEX comments_report ON comments(report_id, id);
CREATE INDEX comments_section ON comments(section_id, id);
ALTER TABLE revisions ADD COLUMN comment_id INTEGER NOT NULL DEFAULT 0;
CREATE INDEX revisions_comment ON revisions(comment_id, id);`

// sectionReviewStates gives each section its review state (未审阅, 已审阅,
// 需修改), every existing section starting as not reviewed, and lets a
// revision name a section, so that marking one is undone like any edit.
//
// The state is a column of sections, not a table of its own: a section has
// exactly one, the tree reads it with the sections it draws, and who set
// it and when is what the revisions keep. A revision names the section by
// a column of its own, section_id (0 for every other revision), for the
// reasons projects got project_id (projectsAndTasks): what indicator_id
// and project_id mean, and every revision already written, stay as they
// are. Adding columns with constant defaults rebuilds nothing.
const sectionReviewStates = `
ALTER TABLE sections ADD COLUMN review_state TEXT NOT NULL DEFAULT 'unreviewed';
ALTER TABLE revisions ADD COLUMN section_id INTEGER NOT NULL DEFAULT 0;
CREATE INDEX revisions_section ON revisions(section_id, id);`

// projectsAndTasks adds the major projects and key tasks a report
// reports on, with keys never reused and a uid per report as indicators
// have, and lets a revision name a project.
//
// A revision names what it changed by a column of its own, project_id
// (0 for an indicator's or a report's revision, as indicator_id is 0 for
// a project's), rather than by a kind column beside indicator_id: every
// query and index on indicator_id, and every revision already written,
// keeps its meaning untouched, and an indicator and a project with the
// same id can never be mistaken for each other. Adding a column with a
// constant default rebuilds nothing.
const projectsAndTasks = `
CREATE TABLE projects (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	uid TEXT NOT NULL,
	report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	name TEXT NOT NULL,
	planned_completion TEXT NOT NULL DEFAULT '',
	progress TEXT NOT NULL DEFAULT 'not_started',
	note TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL DEFAULT '',
	source_paragraph_id INTEGER REFERENCES paragraphs(id) ON DELETE SET NULL,
	state TEXT NOT NULL DEFAULT 'confirmed',
	updated_at DATETIME NOT NULL
);
CREATE UNIQUE INDEX projects_uid ON projects(report_id, uid);
CREATE INDEX projects_report ON projects(report_id, section_id, seq);
CREATE INDEX projects_section ON projects(section_id, seq);
ALTER TABLE revisions ADD COLUMN project_id INTEGER NOT NULL DEFAULT 0;
CREATE INDEX revisions_project ON revisions(project_id, id);`

// neverReuseIDs rebuilds every table with AUTOINCREMENT keys, so that the
// id of a deleted report, section, paragraph, indicator or revision is
// never given to a new one (a sheet exported before a deletion would
// otherwise update whatever took the id), gives each indicator a uid that
// a re-imported row must match, and marks the revisions Undo and Redo make
// (replay), and records each report's fingerprint (empty for the reports
// imported before: their text is not kept whole). The counters start past every id the
// revisions still name, deleted indicators included.
const neverReuseIDs = `
CREATE TABLE reports_v3 (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	title TEXT NOT NULL,
	region TEXT NOT NULL DEFAULT '',
	plan_period TEXT NOT NULL DEFAULT '',
	evaluation_date TEXT NOT NULL DEFAULT '',
	source_name TEXT NOT NULL DEFAULT '',
	imported_at DATETIME NOT NULL,
	fingerprint TEXT NOT NULL DEFAULT '',
	removed_at DATETIME
);
INSERT INTO reports_v3 (id, title, region, plan_period, evaluation_date, source_name, imported_at)
	SELECT id, title, region, plan_period, evaluation_date, source_name, imported_at FROM reports;
CREATE TABLE sections_v3 (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	parent_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	depth INTEGER NOT NULL,
	numbering TEXT NOT NULL,
	title TEXT NOT NULL,
	UNIQUE (report_id, seq)
);
INSERT INTO sections_v3 SELECT * FROM sections;
CREATE TABLE paragraphs_v3 (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	text TEXT NOT NULL,
	UNIQUE (section_id, seq)
);
INSERT INTO paragraphs_v3 SELECT * FROM paragraphs;
CREATE TABLE indicators_v3 (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	uid TEXT NOT NULL,
	report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	name TEXT NOT NULL,
	unit TEXT NOT NULL DEFAULT '',
	attribute TEXT NOT NULL DEFAULT '',
	direction TEXT NOT NULL DEFAULT 'up',
	baseline TEXT NOT NULL DEFAULT '',
	baseline_value REAL,
	baseline_year TEXT NOT NULL DEFAULT '',
	target TEXT NOT NULL DEFAULT '',
	target_value REAL,
	target_year TEXT NOT NULL DEFAULT '',
	target_kind TEXT NOT NULL DEFAULT '',
	midterm TEXT NOT NULL DEFAULT '',
	midterm_value REAL,
	midterm_as_of TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL DEFAULT '',
	source_paragraph_id INTEGER REFERENCES paragraphs(id) ON DELETE SET NULL,
	state TEXT NOT NULL DEFAULT 'confirmed',
	updated_at DATETIME NOT NULL
);
INSERT INTO indicators_v3 SELECT id, lower(hex(randomblob(16))), report_id, section_id, seq, name, unit, attribute,
	direction, baseline, baseline_value, baseline_year, target, target_value, target_year, target_kind, midterm,
	midterm_value, midterm_as_of, note, source, source_paragraph_id, state, updated_at FROM indicators;
CREATE TABLE revisions_v3 (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	indicator_id INTEGER NOT NULL,
	action TEXT NOT NULL,
	field TEXT NOT NULL DEFAULT '',
	old_text TEXT NOT NULL DEFAULT '',
	new_text TEXT NOT NULL DEFAULT '',
	reviewer TEXT NOT NULL DEFAULT '',
	at DATETIME NOT NULL,
	replay TEXT NOT NULL DEFAULT ''
);
INSERT INTO revisions_v3 (id, report_id, indicator_id, action, field, old_text, new_text, reviewer, at)
	SELECT id, report_id, indicator_id, action, field, old_text, new_text, reviewer, at FROM revisions;
DROP TABLE revisions;
DROP TABLE indicators;
DROP TABLE paragraphs;
DROP TABLE sections;
DROP TABLE reports;
ALTER TABLE reports_v3 RENAME TO reports;
ALTER TABLE sections_v3 RENAME TO sections;
ALTER TABLE paragraphs_v3 RENAME TO paragraphs;
ALTER TABLE indicators_v3 RENAME TO indicators;
ALTER TABLE revisions_v3 RENAME TO revisions;
CREATE INDEX sections_parent ON sections(parent_id);
CREATE INDEX reports_fingerprint ON reports(fingerprint);
CREATE INDEX indicators_report ON indicators(report_id, section_id, seq);
CREATE INDEX indicators_section ON indicators(section_id, seq);
CREATE UNIQUE INDEX indicators_uid ON indicators(report_id, uid);
CREATE INDEX revisions_indicator ON revisions(indicator_id, id);
CREATE INDEX revisions_report ON revisions(report_id, id);
INSERT INTO sqlite_sequence (name, seq) SELECT 'indicators', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'indicators');
INSERT INTO sqlite_sequence (name, seq) SELECT 'reports', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'reports');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(indicator_id) FROM revisions), 0)) WHERE name = 'indicators';
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(report_id) FROM revisions), 0)) WHERE name = 'reports';`

// SchemaVersion is the schema version this build of PlanDesk writes.
func SchemaVersion() int {
	m := migrations()
	return m[len(m)-1].version
}

// migrateWith brings the schema up to date with steps, applying those the
// file lacks. A file that
// already holds a schema is first copied with VACUUM INTO next to itself, so
// a failed or unwanted upgrade can be undone by hand.
func (s *Store) migrateWith(steps []migration) error {
	fresh, err := s.identify()
	if err != nil {
		return err
	}
	// Only now, with the file known to be ours (or new), is it written to.
	var mode string
	if err := s.db.Raw("PRAGMA journal_mode = WAL").Scan(&mode).Error; err != nil {
		return classify(s.path, err)
	}
	if mode != "wal" {
		return &OpenError{Path: s.path, Err: fmt.Errorf("journal mode %q, want wal", mode)}
	}
	current, err := s.schemaVersion(fresh)
	if err != nil {
		return err
	}
	latest := steps[len(steps)-1].version
	if current > latest {
		return &OpenError{Path: s.path, Kind: ErrNewerSchema,
			Err: fmt.Errorf("schema version %d, this PlanDesk knows up to %d", current, latest)}
	}
	if current == latest {
		return nil
	}
	if current > 0 {
		if err := s.BackupTo(fmt.Sprintf("%s.v%d-%s.bak", s.path, current, time.Now().Format("20060102-150405"))); err != nil {
			return fmt.Errorf("back up before migrating: %w", err)
		}
	}
	for _, m := range steps {
		if m.version <= current {
			continue
		}
		if err := s.applyStep(m); err != nil {
			return fmt.Errorf("migrate to schema %d (%s): %w", m.version, m.name, err)
		}
	}
	return nil
}

// applyStep runs one migration step in its own transaction and records it.
// A step that rebuilds tables runs with foreign keys off, so that dropping
// the old tables cascades nothing, and must leave every reference whole.
func (s *Store) applyStep(m migration) error {
	if m.rebuilds {
		if err := s.db.Exec("PRAGMA foreign_keys = OFF").Error; err != nil {
			return err
		}
		defer s.db.Exec("PRAGMA foreign_keys = ON")
	}
	return s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(m.sql).Error; err != nil {
			return err
		}
		if m.fill != nil {
			if err := m.fill(tx); err != nil {
				return err
			}
		}
		if m.rebuilds {
			var broken []map[string]any
			if err := tx.Raw("PRAGMA foreign_key_check").Scan(&broken).Error; err != nil {
				return err
			}
			if len(broken) > 0 {
				return fmt.Errorf("%d references left broken", len(broken))
			}
		}
		return tx.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
			m.version, m.name, time.Now()).Error
	})
}

// identify reads, without writing, whether the file is a new, empty
// database (fresh) or PlanDesk's own. A file with tables or another
// application id is some other program's and is refused untouched.
func (s *Store) identify() (fresh bool, err error) {
	var appID int64
	if err := s.db.Raw("PRAGMA application_id").Scan(&appID).Error; err != nil {
		return false, classify(s.path, err)
	}
	var tables int64
	if err := s.db.Raw("SELECT count(*) FROM sqlite_master").Scan(&tables).Error; err != nil {
		return false, classify(s.path, err)
	}
	if tables == 0 && appID == 0 {
		return true, nil
	}
	if appID != applicationID {
		return false, &OpenError{Path: s.path, Kind: ErrNotDatabase, Err: fmt.Errorf("application_id %#x", appID)}
	}
	return false, nil
}

// schemaVersion reads the applied version, first marking a fresh file as
// PlanDesk's and creating its version table.
func (s *Store) schemaVersion(fresh bool) (int, error) {
	if fresh {
		err := s.db.Transaction(func(tx *gorm.DB) error {
			if err := tx.Exec(fmt.Sprintf("PRAGMA application_id = %d", applicationID)).Error; err != nil {
				return err
			}
			return tx.Exec(`CREATE TABLE schema_migrations (
	version INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	applied_at DATETIME NOT NULL
)`).Error
		})
		if err != nil {
			return 0, classify(s.path, fmt.Errorf("create schema version table: %w", err))
		}
		return 0, nil
	}
	var version int
	if err := s.db.Raw("SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&version).Error; err != nil {
		return 0, classify(s.path, err)
	}
	return version, nil
}
