package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"plandesk/plan"
)

// Comments returns every comment and reply of a report, oldest first;
// plan.Threads groups them.
func (s *Store) Comments(reportID int64) ([]plan.Comment, error) {
	var list []plan.Comment
	if err := s.db.Where("report_id = ?", reportID).Order("id").Find(&list).Error; err != nil {
		return nil, fmt.Errorf("load comments of report %d: %w", reportID, err)
	}
	return list, nil
}

// SectionComments returns the comments and replies anchored in a section,
// oldest first.
func (s *Store) SectionComments(sectionID int64) ([]plan.Comment, error) {
	var list []plan.Comment
	if err := s.db.Where("section_id = ?", sectionID).Order("id").Find(&list).Error; err != nil {
		return nil, fmt.Errorf("load comments of section %d: %w", sectionID, err)
	}
	return list, nil
}

// Comment returns one comment or reply.
func (s *Store) Comment(id int64) (plan.Comment, error) {
	var c plan.Comment
	if err := s.db.Take(&c, id).Error; err != nil {
		return plan.Comment{}, fmt.Errorf("load comment %d: %w", id, err)
	}
	return c, nil
}

// CommentRevisions returns a comment's history, newest first.
func (s *Store) CommentRevisions(id int64) ([]plan.Revision, error) {
	var list []plan.Revision
	if err := s.db.Where("comment_id = ?", id).Order("id DESC").Find(&list).Error; err != nil {
		return nil, fmt.Errorf("load history of comment %d: %w", id, err)
	}
	return list, nil
}

// AddComment stores a new comment, or a reply when ParentID is set, by
// reviewer, in one transaction with its revision. The anchor is checked
// against the report as it reads now: a span must be its quote, at its
// offsets in its paragraph. A new thread starts 待处理 unless a state is
// given; a reply takes its thread's section and holds no anchor, kind or
// state of its own (a reply to a reply joins the same thread).
func (s *Store) AddComment(c plan.Comment, reviewer string) (plan.Comment, plan.Change, error) {
	var change plan.Change
	err := s.write(func(tx *gorm.DB) error {
		var err error
		change, err = createComment(tx, &c, reviewer)
		return err
	})
	if err != nil {
		return plan.Comment{}, nil, fmt.Errorf("add comment: %w", err)
	}
	return c, change, nil
}

func createComment(tx *gorm.DB, c *plan.Comment, reviewer string) (plan.Change, error) {
	if strings.TrimSpace(c.Text) == "" {
		return nil, &plan.FieldError{Field: plan.FieldCommentText, Problem: plan.ProblemEmptyComment}
	}
	var err error
	if c.ParentID != 0 {
		err = joinThread(tx, c)
	} else {
		err = checkAnchor(tx, c)
	}
	if err != nil {
		return nil, err
	}
	if c.UID, err = randomUID(); err != nil {
		return nil, err
	}
	c.ID, c.Reviewer = 0, reviewer
	c.CreatedAt = time.Now()
	c.UpdatedAt = c.CreatedAt
	if err := tx.Create(c).Error; err != nil {
		return nil, err
	}
	snapshot, err := json.Marshal(c)
	if err != nil {
		return nil, err
	}
	return record(tx, plan.Change{{ReportID: c.ReportID, CommentID: c.ID, Action: plan.ActionCreate, NewText: string(snapshot)}}, reviewer)
}

// joinThread makes c a reply of its parent's thread.
func joinThread(tx *gorm.DB, c *plan.Comment) error {
	var parent plan.Comment
	if err := tx.Take(&parent, c.ParentID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return fmt.Errorf("reply to comment %d: %w", c.ParentID, ErrBadAnchor)
	} else if err != nil {
		return err
	}
	if parent.IsReply() {
		c.ParentID = parent.ParentID
	}
	c.ReportID, c.SectionID = parent.ReportID, parent.SectionID
	c.Anchor, c.ParagraphSeq, c.Start, c.End, c.Quote = "", -1, 0, 0, ""
	c.IndicatorID, c.ProjectID, c.Kind, c.State, c.Replacement = 0, 0, "", "", ""
	return nil
}

// checkAnchor checks a thread's anchor against the report and fills in
// what follows from it: the section of an indicator or project, the quote
// of a paragraph, the name of an indicator or project (kept as its quote).
func checkAnchor(tx *gorm.DB, c *plan.Comment) error {
	if c.Kind == "" {
		c.Kind = plan.KindRemark
	}
	if c.State == "" {
		c.State = plan.CommentOpen
	}
	if !plan.ValidCommentKind(c.Kind) {
		return &plan.FieldError{Field: plan.FieldCommentKind, Problem: plan.ProblemBadCommentCode}
	}
	if !plan.ValidCommentState(c.State) {
		return &plan.FieldError{Field: plan.FieldCommentState, Problem: plan.ProblemBadCommentCode}
	}
	if c.Kind != plan.KindChange {
		c.Replacement = ""
	}
	switch c.Anchor {
	case plan.AnchorIndicator:
		return anchorOn(tx, c, &plan.Indicator{}, c.IndicatorID)
	case plan.AnchorProject:
		return anchorOn(tx, c, &plan.Project{}, c.ProjectID)
	case plan.AnchorSection, plan.AnchorParagraph, plan.AnchorSpan:
		return anchorInText(tx, c)
	}
	return fmt.Errorf("anchor %q: %w", c.Anchor, ErrBadAnchor)
}

// anchorOn anchors c to an indicator or a project of its report.
func anchorOn(tx *gorm.DB, c *plan.Comment, row any, id int64) error {
	var found struct {
		ReportID, SectionID int64
		Name                string
	}
	if err := tx.Model(row).Select("report_id, section_id, name").Where("id = ?", id).Take(&found).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return fmt.Errorf("%s %d: %w", c.Anchor, id, ErrBadAnchor)
	} else if err != nil {
		return err
	}
	if c.ReportID != 0 && c.ReportID != found.ReportID {
		return fmt.Errorf("%s %d is of report %d: %w", c.Anchor, id, found.ReportID, ErrBadAnchor)
	}
	c.ReportID, c.SectionID, c.Quote = found.ReportID, found.SectionID, found.Name
	c.ParagraphSeq, c.Start, c.End = -1, 0, 0
	if c.Anchor == plan.AnchorIndicator {
		c.ProjectID = 0
	} else {
		c.IndicatorID = 0
	}
	return nil
}

// anchorInText anchors c to its section, one of its paragraphs, or a span
// of one.
func anchorInText(tx *gorm.DB, c *plan.Comment) error {
	var sec plan.Section
	if err := tx.Take(&sec, c.SectionID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return fmt.Errorf("section %d: %w", c.SectionID, ErrBadAnchor)
	} else if err != nil {
		return err
	}
	if c.ReportID != 0 && c.ReportID != sec.ReportID {
		return fmt.Errorf("section %d is of report %d: %w", sec.ID, sec.ReportID, ErrBadAnchor)
	}
	c.ReportID, c.IndicatorID, c.ProjectID = sec.ReportID, 0, 0
	if c.Anchor == plan.AnchorSection {
		c.ParagraphSeq, c.Start, c.End, c.Quote = -1, 0, 0, sec.Heading()
		return nil
	}
	var p plan.Paragraph
	if err := tx.Where("section_id = ? AND seq = ?", sec.ID, c.ParagraphSeq).Take(&p).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return fmt.Errorf("paragraph %d of section %d: %w", c.ParagraphSeq, sec.ID, ErrBadAnchor)
	} else if err != nil {
		return err
	}
	if c.Anchor == plan.AnchorParagraph {
		c.Start, c.End, c.Quote = 0, len(p.Text), p.Text
		return nil
	}
	if c.Start < 0 || c.Start >= c.End || c.End > len(p.Text) {
		return fmt.Errorf("span %d–%d of a %d-byte paragraph: %w", c.Start, c.End, len(p.Text), ErrBadAnchor)
	}
	c.Quote = p.Text[c.Start:c.End]
	return nil
}

// EditComment sets the text, kind, state or proposed wording of a comment
// (a reply has only a text), recorded as a revision so Undo takes it back.
// Nothing is recorded when the value is unchanged.
func (s *Store) EditComment(id int64, f plan.Field, text, reviewer string) (plan.Comment, plan.Change, error) {
	var change plan.Change
	var c plan.Comment
	err := s.write(func(tx *gorm.DB) error {
		if err := tx.Take(&c, id).Error; err != nil {
			return err
		}
		old := c.Get(f)
		if err := c.Set(f, text); err != nil {
			return err
		}
		if c.Get(f) == old {
			return nil
		}
		if err := saveComment(tx, &c, f); err != nil {
			return err
		}
		var err error
		change, err = record(tx, plan.Change{{ReportID: c.ReportID, CommentID: id, Action: plan.ActionEdit,
			Field: f, OldText: old, NewText: c.Get(f)}}, reviewer)
		return err
	})
	if err != nil {
		return plan.Comment{}, nil, fmt.Errorf("edit %s of comment %d: %w", f, id, err)
	}
	return c, change, nil
}

// saveComment writes one editable field of a comment and its time of
// change.
func saveComment(tx *gorm.DB, c *plan.Comment, f plan.Field) error {
	// The columns are named as the fields, but for the state: a section's
	// review state is a Field too, and the two must not be mistaken.
	column := string(f)
	switch f {
	case plan.FieldCommentState:
		column = "state"
	case plan.FieldCommentText, plan.FieldCommentKind, plan.FieldReplacement:
	default:
		return fmt.Errorf("comment field %q", f)
	}
	c.UpdatedAt = time.Now()
	return tx.Model(c).Select("updated_at", column).Updates(c).Error
}

// DeleteComment removes a comment; a thread's first comment goes with its
// replies. Each is kept in its revision, so Undo puts them all back.
func (s *Store) DeleteComment(id int64, reviewer string) (plan.Change, error) {
	var change plan.Change
	err := s.write(func(tx *gorm.DB) error {
		var replies []plan.Comment
		if err := tx.Where("parent_id = ?", id).Order("id DESC").Find(&replies).Error; err != nil {
			return err
		}
		for _, r := range replies {
			step, err := deleteComment(tx, r.ID, reviewer)
			if err != nil {
				return err
			}
			change = append(change, step...)
		}
		step, err := deleteComment(tx, id, reviewer)
		change = append(change, step...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("delete comment %d: %w", id, err)
	}
	return change, nil
}

func deleteComment(tx *gorm.DB, id int64, reviewer string) (plan.Change, error) {
	var c plan.Comment
	if err := tx.Take(&c, id).Error; err != nil {
		return nil, err
	}
	snapshot, err := json.Marshal(c)
	if err != nil {
		return nil, err
	}
	if err := tx.Delete(&plan.Comment{}, id).Error; err != nil {
		return nil, err
	}
	return record(tx, plan.Change{{ReportID: c.ReportID, CommentID: id, Action: plan.ActionDelete, OldText: string(snapshot)}}, reviewer)
}

// restoreComment puts back a comment from a revision's snapshot, with its
// old id and uid.
func restoreComment(tx *gorm.DB, snapshot, reviewer string) (plan.Change, error) {
	var c plan.Comment
	if err := json.Unmarshal([]byte(snapshot), &c); err != nil {
		return nil, fmt.Errorf("read comment snapshot: %w", err)
	}
	if err := tx.Create(&c).Error; err != nil {
		return nil, err
	}
	return record(tx, plan.Change{{ReportID: c.ReportID, CommentID: c.ID, Action: plan.ActionCreate, NewText: snapshot}}, reviewer)
}

// replayCommentStep undoes or redoes one revision of a comment, after
// checking that the comment still stands as the revision left it (or, for
// a redo, found it), as replayStep does for indicators.
func replayCommentStep(tx *gorm.DB, rev plan.Revision, reviewer string, undo bool) (plan.Change, error) {
	var exists int64
	if err := tx.Model(&plan.Comment{}).Where("id = ?", rev.CommentID).Count(&exists).Error; err != nil {
		return nil, err
	}
	wantThere := rev.Action == plan.ActionEdit || rev.Action == plan.ActionCreate && undo || rev.Action == plan.ActionDelete && !undo
	if (exists > 0) != wantThere {
		return nil, fmt.Errorf("comment %d: %w", rev.CommentID, ErrChangedSince)
	}
	switch {
	case rev.Action == plan.ActionEdit:
		return replayCommentEdit(tx, rev, reviewer, undo)
	case rev.Action == plan.ActionCreate && undo, rev.Action == plan.ActionDelete && !undo:
		return deleteComment(tx, rev.CommentID, reviewer)
	case rev.Action == plan.ActionCreate && !undo:
		return restoreComment(tx, rev.NewText, reviewer)
	case rev.Action == plan.ActionDelete && undo:
		return restoreComment(tx, rev.OldText, reviewer)
	}
	return nil, fmt.Errorf("comment %d: unknown revision action %s", rev.CommentID, rev.Action)
}

func replayCommentEdit(tx *gorm.DB, rev plan.Revision, reviewer string, undo bool) (plan.Change, error) {
	text, expect := rev.NewText, rev.OldText
	if undo {
		text, expect = rev.OldText, rev.NewText
	}
	var c plan.Comment
	if err := tx.Take(&c, rev.CommentID).Error; err != nil {
		return nil, err
	}
	if old := c.Get(rev.Field); old != expect {
		return nil, fmt.Errorf("comment %d, %s is %q, not %q: %w", c.ID, rev.Field, old, expect, ErrChangedSince)
	}
	if err := c.Set(rev.Field, text); err != nil {
		return nil, err
	}
	if err := saveComment(tx, &c, rev.Field); err != nil {
		return nil, err
	}
	return record(tx, plan.Change{{ReportID: c.ReportID, CommentID: c.ID, Action: plan.ActionEdit,
		Field: rev.Field, OldText: expect, NewText: text}}, reviewer)
}
