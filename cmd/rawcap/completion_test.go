package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestCompletionBash sources the bash script and completes command lines as
// a user would press TAB on them, with the real binary on PATH (for -D).
func TestCompletionBash(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("skipping: bash is not installed")
	}
	bin := rawcapBinary(t)
	code, script, stderr := rawcapRun(t, "", "completion", "bash")
	if code != 0 {
		t.Fatalf("completion bash = %d %s", code, stderr)
	}
	dir := t.TempDir()
	scriptPath := filepath.Join(dir, "rawcap.bash")
	if err := os.WriteFile(scriptPath, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(dir, "work")
	os.Mkdir(work, 0o755)
	os.WriteFile(filepath.Join(work, "trace.pcap"), nil, 0o644)
	for _, tc := range []struct {
		line    string // the words typed; the last is being completed
		want    []string
		notWant []string
	}{
		{"rawcap re", []string{"read"}, []string{"trace.pcap"}},
		{"rawcap in", []string{"info", "interfaces"}, nil},
		{"rawcap read --js", []string{"--json"}, nil},
		{"rawcap read -", []string{"-V", "-X", "--decode-as", "-F"}, []string{"--snaplen"}},
		{"rawcap --dur", []string{"--duration"}, nil},
		{"rawcap -i ", []string{"any", "lo"}, []string{"trace.pcap"}},
		{"rawcap -nn -i l", []string{"lo"}, nil},
		{"rawcap -r tr", []string{"trace.pcap"}, nil},
		{"rawcap read tr", []string{"trace.pcap"}, nil},
		{"rawcap convert trace.pcap out -c ", nil, []string{"trace.pcap"}},
		{"rawcap completion ", []string{"bash", "zsh", "fish"}, nil},
		{"rawcap help con", []string{"convert"}, nil},
	} {
		t.Run(tc.line, func(t *testing.T) {
			words := strings.Split(tc.line, " ")
			var quoted []string
			for _, w := range words {
				quoted = append(quoted, shellQuote(w))
			}
			prog := "source " + shellQuote(scriptPath) + "\nCOMP_WORDS=(" + strings.Join(quoted, " ") + ")\n" +
				"COMP_CWORD=" + strconv.Itoa(len(words)-1) + "\n_rawcap_complete\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
			cmd := exec.Command("bash", "--norc", "-c", prog)
			cmd.Dir = work
			cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+":"+os.Getenv("PATH"))
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("bash: %v\n%s", err, out)
			}
			got := strings.Fields(string(out))
			for _, w := range tc.want {
				if w != "" && !slices.Contains(got, w) {
					t.Errorf("completions %q lack %q", got, w)
				}
			}
			for _, w := range tc.notWant {
				if slices.Contains(got, w) {
					t.Errorf("completions %q hold %q", got, w)
				}
			}
		})
	}
}

// TestCompletionScripts checks that each shell's script names every command
// and every flag, and that the shells, where installed, parse it.
func TestCompletionScripts(t *testing.T) {
	e := &env{}
	app := newApp(e)
	for _, sh := range []struct{ name, check string }{{"bash", "bash"}, {"zsh", "zsh"}, {"fish", "fish"}} {
		t.Run(sh.name, func(t *testing.T) {
			code, script, stderr := rawcapRun(t, "", "completion", sh.name)
			if code != 0 {
				t.Fatalf("completion %s = %d %s", sh.name, code, stderr)
			}
			for _, c := range app.VisibleCommands() {
				if !strings.Contains(script, c.Name) {
					t.Errorf("the %s script lacks the command %s", sh.name, c.Name)
				}
				for _, f := range c.Flags {
					for _, n := range f.Names() {
						if !strings.Contains(script, n) {
							t.Errorf("the %s script lacks %s's flag %s", sh.name, c.Name, n)
						}
					}
				}
			}
			for _, f := range app.Flags {
				if !strings.Contains(script, f.Names()[0]) {
					t.Errorf("the %s script lacks the flag %s", sh.name, f.Names()[0])
				}
			}
			if _, err := exec.LookPath(sh.check); err != nil {
				t.Skipf("skipping the syntax check: %s is not installed", sh.check)
			}
			flag := "-n"
			if sh.name == "fish" {
				flag = "--no-execute"
			}
			cmd := exec.Command(sh.check, flag)
			cmd.Stdin = strings.NewReader(script)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("%s %s: %v\n%s", sh.check, flag, err, out)
			}
		})
	}
	if code, _, stderr := rawcapRun(t, "", "completion", "tcsh"); code != 2 || !strings.Contains(stderr, "bash, zsh and fish") {
		t.Errorf("completion tcsh = %d %q, want 2 and the shells rawcap knows", code, stderr)
	}
}

// TestCompletionFish asks fish, where installed, what it completes on
// command lines, with the script loaded and the real binary on PATH.
func TestCompletionFish(t *testing.T) {
	if _, err := exec.LookPath("fish"); err != nil {
		t.Skip("skipping: fish is not installed")
	}
	bin := rawcapBinary(t)
	_, script, _ := rawcapRun(t, "", "completion", "fish")
	dir := t.TempDir()
	scriptPath := filepath.Join(dir, "rawcap.fish")
	os.WriteFile(scriptPath, []byte(script), 0o644)
	os.WriteFile(filepath.Join(dir, "trace.pcap"), nil, 0o644)
	for _, tc := range []struct {
		line string
		want []string
	}{
		{"rawcap re", []string{"read"}},
		{"rawcap -i ", []string{"any", "lo"}},
		{"rawcap -r tr", []string{"trace.pcap"}},
		{"rawcap read --js", []string{"--json"}},
		{"rawcap info -T", []string{"-TM", "-Tr"}}, // combined, as getopt takes them
		{"rawcap completion ", []string{"bash", "zsh", "fish"}},
		{"rawcap read tr", []string{"trace.pcap"}},
	} {
		cmd := exec.Command("fish", "--no-config", "-c", "source "+shellQuote(scriptPath)+"; complete -C "+shellQuote(tc.line))
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+":"+os.Getenv("PATH"))
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("fish: %v\n%s", err, out)
		}
		var got []string
		for _, l := range strings.Split(string(out), "\n") {
			w, _, _ := strings.Cut(l, "\t")
			got = append(got, w)
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("fish completes %q with %q, lacking %q", tc.line, got, w)
			}
		}
	}
}
