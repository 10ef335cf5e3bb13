package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/spf13/cobra"
)

// Exit codes. They are part of Vigil's interface: CI pipelines branch on them.
const (
	ExitOK          = 0   // completed; nothing at or above the gate
	ExitFindings    = 1   // completed; findings at or above --fail-on
	ExitUsage       = 2   // bad flags, arguments or configuration
	ExitIncomplete  = 3   // some input could not be scanned
	ExitInterrupted = 130 // cancelled (Ctrl-C)
)

// Version is set at build time with -ldflags "-X ...cli.Version=v1.2.3".
var Version = "dev"

var (
	errFindings   = errors.New("findings at or above the failure threshold")
	errIncomplete = errors.New("scan incomplete")
)

// usageError marks errors the user fixes by changing the command line or
// configuration.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// IO is where a command reads and writes, and what environment it sees;
// injected so tests run commands without a process.
type IO struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Env    []string
	// StdoutTTY and StderrTTY report whether the streams are terminals:
	// colour needs the first, progress the second.
	StdoutTTY bool
	StderrTTY bool
	// Width is the terminal's width in columns when stdout is a terminal;
	// 0 lets the table use its default.
	Width int
}

// Run executes the command line and returns the process exit code.
func Run(ctx context.Context, args []string, cio IO) int {
	root := newRootCmd(cio)
	root.SetArgs(args)
	root.SetIn(cio.Stdin)
	root.SetOut(cio.Stdout)
	root.SetErr(cio.Stderr)
	err := root.ExecuteContext(ctx)
	return exitCode(ctx, err, cio.Stderr)
}

// exitCode is the one place where outcomes become exit codes.
func exitCode(ctx context.Context, err error, stderr io.Writer) int {
	var ue usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errFindings):
		return ExitFindings
	case errors.Is(err, errIncomplete):
		return ExitIncomplete
	case errors.Is(err, errDenied):
		return ExitFindings
	case errors.Is(err, errConditional):
		return ExitConditional
	case ctx.Err() != nil || errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "vigil: interrupted")
		return ExitInterrupted
	case errors.As(err, &ue), isCobraUsage(err):
		fmt.Fprintf(stderr, "vigil: %v\n", err)
		return ExitUsage
	default:
		fmt.Fprintf(stderr, "vigil: %v\n", err)
		return ExitIncomplete
	}
}

func newRootCmd(cio IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "vigil",
		Short: "Find the cloud risks that matter, from code to cloud",
		Long: `Vigil scans infrastructure as code (Terraform configurations and plans) for
security misconfigurations with typed, evaluated models: values it cannot
resolve are never reported as problems.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       Version,
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		newScanCmd(cio),
		newChecksCmd(cio),
		newBaselineCmd(cio),
		newConfigCmd(cio),
		newIAMCmd(cio),
		newVersionCmd(),
	)
	return root
}

// isCobraUsage recognises cobra's own argument errors (unknown command,
// wrong number of arguments), which it returns as plain errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "accepts ", "requires at least", "requires at most", "invalid argument", "unknown shorthand"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print Vigil's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "vigil %s\n", Version)
			return err
		},
	}
}

// newLogger builds the CLI's logger: text on stderr, quiet unless asked.
func newLogger(w io.Writer, debug, quiet bool) *slog.Logger {
	level := slog.LevelWarn
	switch {
	case quiet:
		level = slog.LevelError + 4
	case debug:
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}
