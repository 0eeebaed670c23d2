package app

import (
	"syscall"
	"unsafe"
)

// showFatalBox shows msg in a Windows message box: a GUI program started
// from the Start menu has no console to print to.
func showFatalBox(msg string) {
	user32 := syscall.NewLazyDLL("user32.dll")
	box := user32.NewProc("MessageBoxW")
	text, err1 := syscall.UTF16PtrFromString(msg)
	title, err2 := syscall.UTF16PtrFromString("PlanDesk")
	if err1 != nil || err2 != nil || box.Find() != nil {
		return
	}
	const iconError = 0x10
	_, _, _ = box.Call(0, uintptr(unsafe.Pointer(text)), uintptr(unsafe.Pointer(title)), iconError)
}
