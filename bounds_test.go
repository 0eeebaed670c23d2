// Uses buildPlandesk from the crash test, which needs Unix.

//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"plandesk/reporttext"
)

// TestBinaryRefusesAnOversizedReportInChinese runs the real binary on a
// report text one byte over reporttext.MaxTextBytes: it exits 1 with the
// Chinese sentence naming the bound and the next step, and creates no
// database.
func TestBinaryRefusesAnOversizedReportInChinese(t *testing.T) {
	dir := t.TempDir()
	bin := buildPlandesk(t, dir)
	path := filepath.Join(dir, "big.txt")
	text := []byte(strings.Repeat("\n", reporttext.MaxTextBytes+1))
	copy(text, "某县规划评估\n一、成效\n道路建成。\n")
	if err := os.WriteFile(path, text, 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "bounds.db")
	cmd := exec.Command(bin, "import", path, "--db", db)
	cmd.Env = append(os.Environ(), "PLANDESK_LANG=zh", "HOME="+dir, "XDG_CONFIG_HOME="+dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(stderr.String(), "文件超过 8 MB") {
		t.Fatalf("exit %v, stderr %q; want 1 and the size refusal in Chinese", err, stderr.String())
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a refused import created the database: %v", err)
	}
}
