package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plandesk/plan"
	"plandesk/views"
)

// TestTargetsPastedIntoTheWindowAreOneUndo: the illustrative target table
// (示例数据, not Hanyang's plan), pasted as WPS copies it and applied from
// the window, fills baselines and targets and turns the overview's counts;
// one Undo takes it all back.
func TestTargetsPastedIntoTheWindowAreOneUndo(t *testing.T) {
	d := newTestDesk(t, filepath.Join(t.TempDir(), "targets.db"))
	d.wait(t)
	raw, err := os.ReadFile(filepath.Join("..", "targets", "testdata", "illustrative-targets-NOT-REAL.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	before, _ := d.store.Overview(d.report.ID)
	imp := views.NewTargetsImport(d.store, d.report.ID)
	imp.PasteForTest().SetText(string(raw))
	d.applyTargets(imp.Application())
	d.waitQuiet(t)
	after, _ := d.store.Overview(d.report.ID)
	if after.NoTarget >= before.NoTarget || after.Counts[plan.StatusUnknown] >= before.Counts[plan.StatusUnknown] {
		t.Errorf("no target: %d → %d, unknown: %d → %d", before.NoTarget, after.NoTarget, before.Counts[plan.StatusUnknown], after.Counts[plan.StatusUnknown])
	}
	if !strings.Contains(d.status.Text, "已导入纲要目标") {
		t.Errorf("status line says %q", d.status.Text)
	}
	menuItem(t, d, "编辑", "撤销").Action()
	d.waitQuiet(t)
	undone, _ := d.store.Overview(d.report.ID)
	if undone.NoTarget != before.NoTarget || undone.Proposed != before.Proposed {
		t.Errorf("after one undo: %d without target (was %d), %d proposed (was %d)", undone.NoTarget, before.NoTarget, undone.Proposed, before.Proposed)
	}
}
