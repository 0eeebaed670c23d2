//go:build !((linux || freebsd || openbsd || netbsd) && !android)

package app

// systemSaysNothing is false where Fyne reads the system's own setting
// (Windows, macOS).
func systemSaysNothing() bool { return false }

// systemSaysNothingPossible is for tests: the system always says.
func systemSaysNothingPossible() bool { return false }
