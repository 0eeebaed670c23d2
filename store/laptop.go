package store

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"plandesk/plan"
	"plandesk/store/storeerr"
)

// ErrBadLaptopName refuses an empty laptop name or one too long to show;
// storeerr's, so that messages words it without linking SQLite.
var ErrBadLaptopName = storeerr.ErrBadLaptopName

// Laptop is this database's laptop identity.
func (s *Store) Laptop() (plan.Laptop, error) {
	var l plan.Laptop
	if err := s.db.Table("laptops").Select("uid, name").Where("id = 1").Take(&l).Error; err != nil {
		return plan.Laptop{}, fmt.Errorf("load the laptop's identity: %w", err)
	}
	return l, nil
}

// SetLaptopName names this laptop as packages and merged changes show it.
func (s *Store) SetLaptopName(name string) error {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > 100 {
		return fmt.Errorf("name the laptop %q: %w", name, ErrBadLaptopName)
	}
	err := s.write(func(tx *gorm.DB) error {
		return tx.Exec("UPDATE laptops SET name = ? WHERE id = 1", name).Error
	})
	if err != nil {
		return fmt.Errorf("name the laptop %q: %w", name, err)
	}
	return nil
}

// laptopUID is this laptop's uid, read in tx.
func laptopUID(tx *gorm.DB) (string, error) {
	var uid string
	if err := tx.Raw("SELECT uid FROM laptops WHERE id = 1").Scan(&uid).Error; err != nil {
		return "", err
	}
	if uid == "" {
		return "", errors.New("the database has no laptop identity")
	}
	return uid, nil
}

// stampEntities sets, on each revision that lacks it, the uid of what it
// changed: from its snapshot for a creation or deletion, else from the
// row, read with one query per kind.
func stampEntities(tx *gorm.DB, change plan.Change) error {
	want := map[string][]int64{}
	for i := range change {
		if change[i].EntityUID != "" {
			continue
		}
		if uid := snapshotUID(change[i]); uid != "" {
			change[i].EntityUID = uid
			continue
		}
		if kind, id := entityOf(change[i]); kind != "" {
			want[kind] = append(want[kind], id)
		}
	}
	uids := map[entityKey]string{}
	for kind, ids := range want {
		var rows []struct {
			ID  int64
			UID string
		}
		if err := tx.Table(tableOf(kind)).Select("id, uid").Where("id IN ?", ids).Find(&rows).Error; err != nil {
			return err
		}
		for _, r := range rows {
			uids[entityKey{kind, r.ID}] = r.UID
		}
	}
	for i := range change {
		if change[i].EntityUID == "" {
			kind, id := entityOf(change[i])
			change[i].EntityUID = uids[entityKey{kind, id}]
		}
	}
	return nil
}

// tableOf is the table holding a kind's rows.
func tableOf(kind string) string {
	switch kind {
	case kindIndicator:
		return "indicators"
	case kindProject:
		return "projects"
	case kindComment:
		return "comments"
	}
	return "sections"
}
