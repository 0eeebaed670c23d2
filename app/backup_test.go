package app

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"plandesk/messages"

	"plandesk/plan"
	"plandesk/store"
)

func TestDeskMakesTheDailyBackupAndRestoresOne(t *testing.T) {
	db := filepath.Join(t.TempDir(), "plandesk.db")
	d := newTestDesk(t, db)
	d.wait(t)
	daily := filepath.Join(store.DailyBackupDir(db), "plandesk-"+time.Now().Format("2006-01-02")+".db")
	if _, err := store.ValidateBackup(daily); err != nil {
		t.Fatalf("no valid daily backup at %s: %v", daily, err)
	}

	// Change something, then restore the morning's backup: the change is
	// gone, the window shows the restored database, and the state before
	// is kept in a safety copy.
	list, _ := d.store.Indicators(d.report.ID)
	if err := d.edit(t, list[0].ID, plan.FieldTarget, "300家"); err != nil {
		t.Fatal(err)
	}
	d.wait(t)
	d.restore(daily)
	d.wait(t)
	if got, _ := d.store.Indicator(list[0].ID); got.Target != "" {
		t.Errorf("after restoring the morning's backup the target is %q", got.Target)
	}
	safeties, _ := filepath.Glob(db + ".before-restore-*.bak")
	if len(safeties) != 1 {
		t.Fatalf("safety copies: %v", safeties)
	}
	s, err := store.OpenReadOnly(safeties[0])
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, _ := s.Indicator(list[0].ID); got.Target != "300家" {
		t.Errorf("the safety copy lost the change: %q", got.Target)
	}
}

// readOnlyCopy puts a seeded database in a folder this process cannot
// write to (a read-only tmpfs when root) and returns its path.
func readOnlyCopy(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("Windows ignores a folder's permission bits; no read-only folder to test with")
	}
	dir := t.TempDir()
	if os.Geteuid() == 0 {
		if err := exec.Command("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", dir).Run(); err != nil {
			t.Skipf("cannot mount a read-only folder: %v", err)
		}
		t.Cleanup(func() { _ = exec.Command("umount", dir).Run() })
	}
	path := filepath.Join(dir, "stick.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if os.Geteuid() == 0 {
		if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
			t.Fatalf("remount: %v %s", err, out)
		}
	} else {
		_ = os.Chmod(path, 0o444)
		_ = os.Chmod(dir, 0o555)
		t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	}
	return path
}

func TestDeskOpensAReadOnlyFileWithABanner(t *testing.T) {
	path := readOnlyCopy(t)
	before, _ := os.ReadFile(path)
	d := newTestDesk(t, path)
	d.wait(t)
	if d.store == nil || !d.store.ReadOnly() {
		t.Fatal("a read-only file was not opened read-only")
	}
	assertShows(t, d.win, "只读：")
	d.toSections(t)
	d.screen.Next()
	d.wait(t)
	d.screen.Next()
	d.wait(t)
	ind := d.screen.Table().Rows()[0]
	err := d.edit(t, ind.ID, plan.FieldTarget, "300家")
	if !errors.Is(err, errStoreReadOnly) || !strings.Contains(messages.Explain(err), "只读") {
		t.Errorf("edit on a read-only file: %v (%s)", err, messages.Explain(err))
	}
	// Presenting still works.
	d.presentFromStart()
	d.wait(t)
	if d.show == nil {
		t.Error("a read-only file cannot be presented")
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("the read-only file changed")
	}
}

func TestDeskExplainsEveryBadFileAndLeavesItAlone(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	s, err := store.Open(good)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	whole, _ := os.ReadFile(good)
	files := map[string][]byte{
		"empty.db":     nil,
		"random.db":    []byte("\x13\x37 随机字节 \xff\xfe" + strings.Repeat("\x00\x99", 3000)),
		"truncated.db": whole[:len(whole)/2],
	}
	wants := map[string]string{
		"empty.db":     "不是规划评估台的数据库",
		"random.db":    "不是规划评估台的数据库",
		"truncated.db": "已损坏",
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		d := newTestDesk(t, path)
		d.wait(t)
		assertShows(t, d.win, "无法打开数据库")
		assertShows(t, d.win, wants[name])
		d.close()
		if after, _ := os.ReadFile(path); string(after) != string(content) {
			t.Errorf("%s was changed", name)
		}
	}

	// A file another PlanDesk holds is not opened a second time.
	holder, err := store.Open(good)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	d := newTestDesk(t, good)
	d.wait(t)
	assertShows(t, d.win, "正被另一个规划评估台窗口或程序使用")
	if d.store != nil {
		t.Error("the window opened a file another PlanDesk holds")
	}
}
