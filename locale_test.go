//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoLocaleNoiseUnderTheCLocale: under LANG=C.UTF-8 (Debian's and
// Docker's default), C or POSIX a command prints what it has to say in
// Chinese, with at most the one "Fyne error" block Fyne's lang package
// logs while it initialises, before PlanDesk's main can name the locale
// (it was three).
func TestNoLocaleNoiseUnderTheCLocale(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := buildPlandesk(t, dir)
	for _, locale := range []string{"C.UTF-8", "C", "POSIX"} {
		cmd := exec.Command(bin, "reports", "--db", filepath.Join(dir, "none.db"))
		var env []string
		for _, e := range os.Environ() {
			if !strings.HasPrefix(e, "LANG=") && !strings.HasPrefix(e, "LC_") && !strings.HasPrefix(e, "LANGUAGE=") && !strings.HasPrefix(e, "PLANDESK_LANG=") {
				env = append(env, e)
			}
		}
		cmd.Env = append(env, "LANG="+locale)
		out, _ := cmd.CombinedOutput()
		if strings.Count(string(out), "Fyne error") > 1 || !strings.Contains(string(out), "不存在") {
			t.Errorf("LANG=%s: %s", locale, out)
		}
	}
}
