//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"clocale"
)

// TestNoLocaleNoiseUnderTheCLocale: under LANG=C.UTF-8 (Debian's and
// Docker's default), C or POSIX a command prints what it has to say in
// Chinese and nothing from Fyne about the locale (it printed three "Fyne
// error" blocks); a locale that names a language keeps it.
func TestNoLocaleNoiseUnderTheCLocale(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := buildPlandesk(t, dir)
	for locale, want := range map[string]string{"C.UTF-8": "不存在", "C": "不存在", "POSIX": "不存在", "POSIX.UTF-8": "不存在", "en_US.UTF-8": "does not exist"} {
		cmd := exec.Command(bin, "reports", "--db", filepath.Join(dir, "none.db"))
		var env []string
		for _, e := range os.Environ() {
			if !strings.HasPrefix(e, "LANG=") && !strings.HasPrefix(e, "LC_") && !strings.HasPrefix(e, "LANGUAGE=") {
				env = append(env, e)
			}
		}
		cmd.Env = append(env, "LANG="+locale)
		out, _ := cmd.CombinedOutput()
		if strings.Contains(string(out), "Fyne error") || !strings.Contains(string(out), want) {
			t.Errorf("LANG=%s: %s", locale, out)
		}
	}
}

// TestQuietRenamesOnlyTheBareLocale: a bare C.* or POSIX.* locale gets
// LANGUAGE=zh_CN unless LANGUAGE is set; the locale variables themselves
// are never changed, and a locale that names a language is left alone.
func TestQuietRenamesOnlyTheBareLocale(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want map[string]string
	}{
		{map[string]string{"LANG": "C.UTF-8"}, map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "zh_CN"}},
		{map[string]string{"LC_ALL": "POSIX.UTF-8", "LANG": "en_US.UTF-8"}, map[string]string{"LC_ALL": "POSIX.UTF-8", "LANGUAGE": "zh_CN"}},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "en"}, map[string]string{"LANGUAGE": "en"}},
		{map[string]string{"LC_MESSAGES": "en_GB.UTF-8", "LANG": "C.UTF-8"}, map[string]string{"LANGUAGE": ""}},
		{map[string]string{"LANG": "C"}, map[string]string{"LANG": "C", "LANGUAGE": ""}},
	}
	for _, c := range cases {
		got := map[string]string{}
		for k, v := range c.env {
			got[k] = v
		}
		clocale.Quiet(func(k string) string { return got[k] }, func(k, v string) error { got[k] = v; return nil })
		for k, v := range c.want {
			if got[k] != v {
				t.Errorf("%v: %s=%q, want %q", c.env, k, got[k], v)
			}
		}
	}
}
