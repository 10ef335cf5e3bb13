package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Names are the file names Discover looks for, in order.
var Names = []string{".vigil.yaml", ".vigil.yml"}

// Discover finds the config file for a scan of start (a directory, or a file
// whose directory is used): .vigil.yaml or .vigil.yml in that directory or
// the nearest parent, stopping at the repository root (the first directory
// holding .git) or the filesystem root; then the user-wide
// os.UserConfigDir()/vigil/config.yaml. It returns "" and no error when there
// is none. The search stops at the repository root so that a checkout never
// picks up settings from whatever directory it happens to be cloned into.
func Discover(start string) (string, error) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", fmt.Errorf("discover config: %w", err)
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		dir = filepath.Dir(dir)
	}
	for {
		found, err := findIn(dir)
		if err != nil || found != "" {
			return found, err
		}
		if ok, err := exists(filepath.Join(dir, ".git")); err != nil {
			return "", fmt.Errorf("discover config: %w", err)
		} else if ok {
			break // .git may be a directory or, in a worktree, a file
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	ucd, err := os.UserConfigDir()
	if err != nil {
		return "", nil // no home to look in is not an error: there is simply no user config
	}
	p := filepath.Join(ucd, "vigil", "config.yaml")
	if ok, err := exists(p); err != nil {
		return "", fmt.Errorf("discover config: %w", err)
	} else if ok {
		return p, nil
	}
	return "", nil
}

// findIn returns the config file in dir. Both spellings in one directory is
// an error: whichever we picked, edits to the other would be ignored.
func findIn(dir string) (string, error) {
	var found []string
	for _, n := range Names {
		p := filepath.Join(dir, n)
		ok, err := exists(p)
		if err != nil {
			return "", fmt.Errorf("discover config: %w", err)
		}
		if ok {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 0:
		return "", nil
	case 1:
		return found[0], nil
	default:
		return "", fmt.Errorf("discover config: both %s and %s exist; keep one", found[0], found[1])
	}
}

func exists(p string) (bool, error) {
	_, err := os.Stat(p)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission):
		// An unreadable directory on the way up (a shared /home, say) is as
		// good as an absent file: refusing to scan over it would help no one.
		return false, nil
	default:
		return false, err
	}
}
