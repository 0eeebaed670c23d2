// Command pecheck checks a Windows build of PlanDesk the way an official's
// laptop will meet it: a 64-bit PE32+ program for the GUI subsystem (no
// console window opens beside it), that imports only DLLs every Windows
// has, and carries its icon, version information and manifest.
//
//	go run ./scripts/pecheck [--version X.Y.Z] FILE.exe
package main

import (
	"bytes"
	"debug/pe"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode/utf16"
)

// systemDLLs are the DLLs Windows itself ships that a Fyne program may
// import; a DLL outside this list (libwinpthread-1.dll, say) would have to
// travel with the program, and the .exe alone would not start.
var systemDLLs = []string{
	"advapi32.dll", "bcrypt.dll", "comctl32.dll", "comdlg32.dll", "crypt32.dll",
	"dwmapi.dll", "gdi32.dll", "imm32.dll", "kernel32.dll", "msvcrt.dll",
	"ntdll.dll", "ole32.dll", "oleaut32.dll", "opengl32.dll", "powrprof.dll",
	"setupapi.dll", "shell32.dll", "shlwapi.dll", "user32.dll", "userenv.dll",
	"uxtheme.dll", "version.dll", "winmm.dll", "ws2_32.dll",
}

// report is what the check found.
type report struct {
	imports  []string
	problems []string
}

func main() {
	version := flag.String("version", "", "the version the resources must carry (default: not checked)")
	resources := flag.Bool("resources", true, "require the icon, version information and manifest")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: pecheck [--version X.Y.Z] [--resources=false] FILE.exe")
		os.Exit(2)
	}
	r, err := check(flag.Arg(0), *version, *resources)
	if err != nil {
		fmt.Fprintln(os.Stderr, "pecheck:", err)
		os.Exit(1)
	}
	fmt.Printf("pecheck: %s imports %s\n", flag.Arg(0), strings.Join(r.imports, ", "))
	if len(r.problems) > 0 {
		for _, p := range r.problems {
			fmt.Fprintln(os.Stderr, "pecheck: FAIL:", p)
		}
		os.Exit(1)
	}
	fmt.Println("pecheck: ok — PE32+ x86-64, GUI subsystem, system DLLs only")
}

// check reads path and lists what is wrong with it as a PlanDesk.exe.
func check(path, version string, resources bool) (report, error) {
	f, err := pe.Open(path)
	if err != nil {
		return report{}, err
	}
	defer f.Close()
	var r report

	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		r.bad("machine %#x, want x86-64", f.Machine)
	}
	opt, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return r, errors.New("not PE32+ (no 64-bit optional header)")
	}
	if opt.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		r.bad("subsystem %d, want the GUI subsystem (%d): a console window would open", opt.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	if err := r.checkImports(f); err != nil {
		return r, err
	}
	if resources {
		if err := r.checkResources(f, version); err != nil {
			return r, err
		}
	}
	return r, nil
}

// bad records a problem; the check goes on, so one run lists them all.
func (r *report) bad(format string, args ...any) {
	r.problems = append(r.problems, fmt.Sprintf(format, args...))
}

// checkImports lists the DLLs f imports, sorted, and records each one
// Windows does not ship.
func (r *report) checkImports(f *pe.File) error {
	// debug/pe's ImportedLibraries is unimplemented; the imported symbols
	// name their DLLs ("CreateFileW:kernel32.dll").
	syms, err := f.ImportedSymbols()
	if err != nil {
		return fmt.Errorf("read imports: %w", err)
	}
	for _, sym := range syms {
		_, lib, ok := strings.Cut(sym, ":")
		name := strings.ToLower(lib)
		if !ok || slices.Contains(r.imports, name) {
			continue
		}
		r.imports = append(r.imports, name)
		if !slices.Contains(systemDLLs, name) && !strings.HasPrefix(name, "api-ms-win-") {
			r.bad("imports %s, which Windows does not ship", lib)
		}
	}
	slices.Sort(r.imports)
	return nil
}

// checkResources records which of the manifest, the version information
// (saying version, when given) and the icon f lacks.
func (r *report) checkResources(f *pe.File, version string) error {
	rsrc := f.Section(".rsrc")
	if rsrc == nil {
		r.bad("no resources: no icon, version information or manifest")
		return nil
	}
	raw, err := rsrc.Data()
	if err != nil {
		return fmt.Errorf("read resources: %w", err)
	}
	if !bytes.Contains(raw, []byte("<assembly")) {
		r.bad("no application manifest")
	}
	if !bytes.Contains(raw, utf16le("VS_VERSION_INFO")) {
		r.bad("no version information")
	}
	if version != "" && !bytes.Contains(raw, utf16le(version)) {
		r.bad("version information does not say %s", version)
	}
	if !hasIcon(raw) {
		r.bad("no icon")
	}
	return nil
}

// utf16le is s as Windows resources store strings.
func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// hasIcon looks for a PNG or a BMP-style icon image among the resources:
// the fyne tool stores the icon's sizes as PNG data.
func hasIcon(raw []byte) bool {
	return bytes.Contains(raw, []byte("\x89PNG\r\n\x1a\n")) || bytes.Contains(raw, []byte{40, 0, 0, 0})
}
