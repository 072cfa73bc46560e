package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// interpreter is the Python a program runs with: the `virtualenv` runtime option of Pulumi.yaml,
// else `python3` on PATH.
type interpreter struct {
	executable string
	// virtualenv is the venv's directory, or "" for python3 on PATH.
	virtualenv string
}

// interpreterFor picks the Python of a program. A relative `virtualenv` is resolved against the
// project's root (the directory of Pulumi.yaml), as Pulumi documents it.
func interpreterFor(info *pulumirpc.ProgramInfo) (interpreter, error) {
	venv, _ := info.GetOptions().AsMap()["virtualenv"].(string)
	if venv == "" {
		python, err := exec.LookPath("python3")
		if err != nil {
			return interpreter{}, fmt.Errorf("python3 was not found on PATH: install Python 3.10 or newer, " +
				"or name a virtualenv in Pulumi.yaml (runtime.options.virtualenv)")
		}
		return interpreter{executable: python}, nil
	}
	if !filepath.IsAbs(venv) {
		root := info.GetRootDirectory()
		if root == "" {
			root = info.GetProgramDirectory()
		}
		venv = filepath.Join(root, venv)
	}
	python := filepath.Join(venv, "bin", "python")
	if _, err := os.Stat(python); err != nil {
		return interpreter{}, fmt.Errorf("the virtualenv %s (runtime.options.virtualenv in Pulumi.yaml) has no bin/python: "+
			"create it with `python3 -m venv %s` and `%s/bin/pip install -r requirements.txt`", venv, venv, venv)
	}
	return interpreter{executable: python, virtualenv: venv}, nil
}

// env is the environment of a Python process: a virtualenv is activated as its `activate`
// script would (VIRTUAL_ENV set, its bin first on PATH, no PYTHONHOME).
func (p interpreter) env(base []string) []string {
	if p.virtualenv == "" {
		return append([]string{}, base...)
	}
	env := make([]string, 0, len(base)+2)
	path := ""
	for _, kv := range base {
		switch {
		case strings.HasPrefix(kv, "PATH="):
			path = strings.TrimPrefix(kv, "PATH=")
		case strings.HasPrefix(kv, "PYTHONHOME="), strings.HasPrefix(kv, "VIRTUAL_ENV="):
		default:
			env = append(env, kv)
		}
	}
	bin := filepath.Join(p.virtualenv, "bin")
	if path != "" {
		bin += string(os.PathListSeparator) + path
	}
	return append(env, "VIRTUAL_ENV="+p.virtualenv, "PATH="+bin)
}

// command is `python <args>` in dir with the interpreter's environment.
func (p interpreter) command(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command(p.executable, args...)
	cmd.Dir = dir
	cmd.Env = p.env(os.Environ())
	return cmd
}
