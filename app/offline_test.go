package app

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNoCodeDialsOut reads every Go file of PlanDesk: none imports a
// package that opens network connections. There are no update checks, no
// telemetry and no remote fonts; the smoke test runs the app in a network
// namespace without interfaces to show it needs none.
func TestNoCodeDialsOut(t *testing.T) {
	forbidden := map[string]bool{"net": true, "net/http": true, "net/rpc": true, "net/smtp": true,
		"crypto/tls": true, "net/http/httputil": true, "golang.org/x/net/websocket": true}
	files := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != ".." || d.Name() == "testdata" || d.Name() == "dist") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		files++
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if forbidden[p] {
				t.Errorf("%s imports %s", path, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Errorf("read only %d Go files", files)
	}
}
