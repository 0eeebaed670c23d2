package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestVersionComesFromFyneAppToml(t *testing.T) {
	toml, err := os.ReadFile(filepath.Join("..", "FyneApp.toml"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := VersionOf(string(toml))
	if err != nil || v == "" || !strings.Contains(string(toml), `Version = "`+v+`"`) {
		t.Errorf("version %q, %v", v, err)
	}
	if _, err := VersionOf("[Details]\nName = \"x\"\n[Other]\nVersion = \"9\"\n"); err == nil {
		t.Error("a Version outside [Details] was taken")
	}
}
