package messages

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
)

// TestLanguageIgnoresSystemLocale runs PlanDesk's language setup in fresh
// processes under several system locales: the chosen language wins in each.
func TestLanguageIgnoresSystemLocale(t *testing.T) {
	for _, locale := range []string{"", "C", "en_US.UTF-8", "zh_CN.UTF-8", "zh_TW.UTF-8", "de_DE.UTF-8"} {
		for code, want := range map[string]string{Chinese: "上一节/取消", English: "Previous/Cancel"} {
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperLanguage$")
			cmd.Env = append(withoutLocale(os.Environ()), "LANG="+locale, "PLANDESK_HELPER_LANG="+code)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("LANG=%q %s: %v\n%s", locale, code, err, out)
			}
			if !strings.Contains(string(out), "strings="+want+"\n") {
				t.Errorf("LANG=%q, chosen %s: got %s, want %s", locale, code, out, want)
			}
		}
	}
}

// TestDefaultLanguageFollowsAnEnglishSystem: with no choice made, English
// systems get English and every other locale Chinese.
func TestDefaultLanguageFollowsAnEnglishSystem(t *testing.T) {
	for locale, want := range map[string]string{
		"en_US.UTF-8": "Previous/Cancel",
		"en_GB.UTF-8": "Previous/Cancel",
		"zh_CN.UTF-8": "上一节/取消",
		"C":           "上一节/取消",
		"":            "上一节/取消",
		"de_DE.UTF-8": "上一节/取消",
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperLanguage$")
		cmd.Env = append(withoutLocale(os.Environ()), "LANG="+locale, "PLANDESK_HELPER_LANG=default")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("LANG=%q: %v\n%s", locale, err, out)
		}
		if !strings.Contains(string(out), "strings="+want+"\n") {
			t.Errorf("LANG=%q with no choice: got %s, want %s", locale, out, want)
		}
	}
}

func withoutLocale(env []string) []string {
	var kept []string
	for _, e := range env {
		if !strings.HasPrefix(e, "LANG=") && !strings.HasPrefix(e, "LANGUAGE=") && !strings.HasPrefix(e, "LC_") {
			kept = append(kept, e)
		}
	}
	return kept
}

// TestHelperLanguage runs in a subprocess of TestLanguageIgnoresSystemLocale.
func TestHelperLanguage(t *testing.T) {
	code := os.Getenv("PLANDESK_HELPER_LANG")
	if code == "" {
		t.Skip("helper process only")
	}
	if err := Use(From(code)); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("strings=%s/%s\n", lang.L("Previous"), lang.L("Cancel"))
}

func TestTranslationsCoverTheSameKeys(t *testing.T) {
	keys := func(code string) map[string]bool {
		data, err := translationFS.ReadFile("translations/" + code + ".json")
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]bool{}
		for _, line := range strings.Split(string(data), "\n") {
			if k, _, ok := strings.Cut(strings.TrimSpace(line), `": "`); ok {
				m[k] = true
			}
		}
		return m
	}
	zh, en := keys(Chinese), keys(English)
	for k := range zh {
		if !en[k] {
			t.Errorf("en.json lacks %s", k)
		}
	}
	for k := range en {
		if !zh[k] {
			t.Errorf("zh.json lacks %s", k)
		}
	}
}

// TestEveryUIStringIsTranslated scans the source for the strings the UI
// translates (lang.L calls, table column titles, field labels) and checks
// both translation files have them.
func TestEveryUIStringIsTranslated(t *testing.T) {
	patterns := []*regexp.Regexp{
		regexp.MustCompile(`lang\.L\(\s*"((?:[^"\\]|\\.)+)"`),
		regexp.MustCompile(`title: "([^"]+)"`),
		regexp.MustCompile(`plan\.Field\w+: +"([^"]+)"`),
		regexp.MustCompile(`messages\.Sprintf\(\s*"((?:[^"\\]|\\.)+)"`),
		regexp.MustCompile(`\btr\(\s*"((?:[^"\\]|\\.)+)"`),
	}
	var files []string
	err := filepath.WalkDir("..", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != ".." {
			return filepath.SkipDir
		}
		if strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range patterns {
			for _, m := range p.FindAllStringSubmatch(string(src), -1) {
				key, err := strconv.Unquote(`"` + m[1] + `"`)
				if err != nil {
					key = m[1]
				}
				keys[key] = f
			}
		}
	}
	if len(keys) < 50 {
		t.Fatalf("found only %d UI strings; the scan is broken", len(keys))
	}
	for _, code := range []string{Chinese, English} {
		raw, err := translationFS.ReadFile("translations/" + code + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("%s.json: %v", code, err)
		}
		for k, f := range keys {
			if _, ok := m[k]; !ok {
				t.Errorf("%s.json lacks %q (used in %s)", code, k, f)
			}
		}
	}
}
