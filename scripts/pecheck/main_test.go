package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildExe cross-compiles a tiny pure-Go Windows program with ldflags.
func buildExe(t *testing.T, ldflags string) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "main.go")
	if err := os.WriteFile(src, []byte("package main\nfunc main() {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(dir, "tiny.exe")
	cmd := exec.Command("go", "build", "-ldflags", ldflags, "-o", exe, src)
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS=")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return exe
}

func TestGUIProgramPassesAndConsoleProgramFails(t *testing.T) {
	gui, err := check(buildExe(t, "-H=windowsgui"), "", false)
	if err != nil {
		t.Fatal(err)
	}
	if len(gui.problems) != 0 {
		t.Errorf("a pure-Go GUI program fails: %v", gui.problems)
	}
	if len(gui.imports) == 0 || gui.imports[0] != "kernel32.dll" {
		t.Errorf("imports %v, want kernel32.dll", gui.imports)
	}

	console, err := check(buildExe(t, ""), "", true)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(console.problems, "\n")
	for _, want := range []string{"GUI subsystem", "no resources"} {
		if !strings.Contains(joined, want) {
			t.Errorf("a console program without resources: %q not reported in %q", want, joined)
		}
	}
}

func TestNotAnExe(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.exe")
	if err := os.WriteFile(path, []byte("MZ but not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := check(path, "", true); err == nil {
		t.Error("a file that is not a PE program passed")
	}
}
