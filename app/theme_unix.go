//go:build (linux || freebsd || openbsd || netbsd) && !android

package app

import (
	"os"
	"path/filepath"
)

// systemSaysNothing reports whether the desktop can tell a theme at all:
// Fyne asks the freedesktop portal over the session bus and, with no bus
// (a bare X session, a kiosk, a remote desktop), falls back to dark. An
// official's laptop that says nothing gets the light theme instead, which
// reads better on a projector.
func systemSaysNothing() bool {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		return false
	}
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		return true
	}
	_, err := os.Stat(filepath.Join(dir, "bus"))
	return err != nil
}

// systemSaysNothingPossible is for tests: here a desktop can say nothing.
func systemSaysNothingPossible() bool { return true }
