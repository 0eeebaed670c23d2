package reviewpack

import "fmt"

// check refuses a package that passes a bound or names what it changes
// with something no PlanDesk writes: what store merges is then always
// within bounds and well formed.
func (p Pack) check() error {
	if len(p.Changes) > MaxChanges || len(p.Report.Sections) > MaxSections {
		return fmt.Errorf("%d changes, %d sections: %w", len(p.Changes), len(p.Report.Sections), ErrPackTooLarge)
	}
	texts := []string{p.Sender.Reviewer, p.Sender.Laptop, p.Sender.LaptopName, p.Report.Fingerprint, p.Report.Title,
		p.Report.Region, p.Report.PlanPeriod, p.Report.EvaluationDate, p.Report.SourceName}
	if err := bounded(texts...); err != nil {
		return err
	}
	if p.Report.Fingerprint == "" || p.Sender.Laptop == "" {
		return fmt.Errorf("no report fingerprint or laptop: %w", ErrCorruptPack)
	}
	paragraphs, cells := 0, 0
	for _, s := range p.Report.Sections {
		paragraphs += len(s.Paragraphs)
		for _, t := range s.Tables {
			for _, row := range t.Rows {
				cells += len(row)
				for _, c := range row {
					if err := bounded(c.Text); err != nil {
						return err
					}
				}
			}
		}
		if paragraphs > MaxParagraphs || cells > MaxTableCells {
			return fmt.Errorf("%d paragraphs, %d table cells: %w", paragraphs, cells, ErrPackTooLarge)
		}
		if s.UID == "" || s.Depth < 0 || s.Depth > 64 {
			return fmt.Errorf("section %q: %w", s.UID, ErrCorruptPack)
		}
		if err := bounded(append([]string{s.UID, s.Parent, s.Numbering, s.Title}, s.Paragraphs...)...); err != nil {
			return err
		}
	}
	for _, c := range p.Changes {
		if err := c.check(); err != nil {
			return err
		}
	}
	return nil
}

// check refuses a change of an unknown kind or action, or without the
// uids every change has.
func (c Change) check() error {
	if err := bounded(c.UID, c.Laptop, c.Reviewer, c.Kind, c.Entity, c.Action, c.Field, c.Old, c.New, c.Section, c.Parent, c.On, c.Replay); err != nil {
		return err
	}
	if c.UID == "" || c.Entity == "" {
		return fmt.Errorf("a change without its uids: %w", ErrCorruptPack)
	}
	switch c.Kind {
	case KindIndicator, KindProject, KindComment, KindSection:
	default:
		return fmt.Errorf("change %s of kind %q: %w", c.UID, c.Kind, ErrCorruptPack)
	}
	switch c.Action {
	case "edit":
		if c.Field == "" {
			return fmt.Errorf("change %s edits no field: %w", c.UID, ErrCorruptPack)
		}
	case "move":
		if c.Kind != KindIndicator || c.Field != FieldSection {
			return fmt.Errorf("change %s moves a %s: %w", c.UID, c.Kind, ErrCorruptPack)
		}
	case "create", "delete":
		if c.Kind == KindSection {
			return fmt.Errorf("change %s creates or deletes a section: %w", c.UID, ErrCorruptPack)
		}
	default:
		return fmt.Errorf("change %s does %q: %w", c.UID, c.Action, ErrCorruptPack)
	}
	return nil
}

// bounded refuses a string longer than MaxTextBytes.
func bounded(texts ...string) error {
	for _, s := range texts {
		if len(s) > MaxTextBytes {
			return fmt.Errorf("a text of %d bytes: %w", len(s), ErrPackTooLarge)
		}
	}
	return nil
}

// UIDs is the set of the uids of a package's changes.
func (p Pack) UIDs() map[string]bool {
	set := make(map[string]bool, len(p.Changes))
	for _, c := range p.Changes {
		set[c.UID] = true
	}
	return set
}
