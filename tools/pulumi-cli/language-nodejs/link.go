package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Link is the last step of `pulumi package add`: the CLI has generated the package's SDK into
// the program (sdks/<name>), and the host adds it to the program's package.json as a `file:`
// dependency. Like InstallDependencies it runs no npm: `npm install` then builds the local SDK
// (its postinstall runs tsc) and links it into node_modules.
func (h *nodeHost) Link(_ context.Context, req *pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	dir := req.GetInfo().GetProgramDirectory()
	if dir == "" {
		dir = req.GetInfo().GetRootDirectory()
	}
	manifestPath := filepath.Join(dir, "package.json")
	data, err := os.ReadFile(manifestPath)
	if err != nil {
		return nil, fmt.Errorf("linking needs the program's package.json: %w", err)
	}
	manifest, err := parseObject(data)
	if err != nil {
		return nil, fmt.Errorf("parsing %s: %w", manifestPath, err)
	}
	deps, err := manifest.object("dependencies")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", manifestPath, err)
	}

	var instructions []string
	for _, dep := range req.GetPackages() {
		name := npmNameOf(filepath.Join(dir, dep.GetPath()), dep.GetPackage().GetName())
		spec, err := json.Marshal("file:" + filepath.ToSlash(dep.GetPath()))
		if err != nil {
			return nil, err
		}
		deps.set(name, spec)
		instructions = append(instructions, fmt.Sprintf("  import * as %s from %q;", identifierFor(dep.GetPackage().GetName()), name))
	}
	encodedDeps, err := deps.marshal()
	if err != nil {
		return nil, err
	}
	manifest.set("dependencies", encodedDeps)
	out, err := manifest.marshal()
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(manifestPath, append(out, '\n'), 0o644); err != nil { //nolint:gosec // package.json is world-readable
		return nil, err
	}
	return &pulumirpc.LinkResponse{ImportInstructions: fmt.Sprintf(
		"Added to %s. Run `npm install` there (it builds the SDK), then use it with:\n\n%s",
		manifestPath, strings.Join(instructions, "\n"),
	)}, nil
}

// npmNameOf is the package name the generated SDK gives itself in its package.json (the schema's
// nodejs packageName, e.g. pulumi-ovirt), else Pulumi's default @pulumi/<name>.
func npmNameOf(sdkDir, packageName string) string {
	if pkg, err := readPackageJSON(filepath.Join(sdkDir, "package.json")); err == nil && pkg.Name != "" {
		return pkg.Name
	}
	return "@pulumi/" + packageName
}

// identifierFor makes a package name usable as a TypeScript identifier: `my-pkg` -> `my_pkg`.
func identifierFor(name string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' || r == '$' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') {
			return r
		}
		return '_'
	}, name)
}

// orderedObject is a JSON object that keeps its keys in file order, so editing package.json
// changes only the line that is added (encoding/json maps would sort every key).
type orderedObject struct {
	keys   []string
	values map[string]json.RawMessage
}

func parseObject(data []byte) (*orderedObject, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("expected a JSON object")
	}
	obj := &orderedObject{values: map[string]json.RawMessage{}}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return nil, err
		}
		obj.set(key, value)
	}
	return obj, nil
}

// object returns the member `key` as an object (empty when absent).
func (o *orderedObject) object(key string) (*orderedObject, error) {
	raw, ok := o.values[key]
	if !ok {
		return &orderedObject{values: map[string]json.RawMessage{}}, nil
	}
	obj, err := parseObject(raw)
	if err != nil {
		return nil, fmt.Errorf("%q is not an object", key)
	}
	return obj, nil
}

func (o *orderedObject) set(key string, value json.RawMessage) {
	if _, ok := o.values[key]; !ok {
		o.keys = append(o.keys, key)
	}
	o.values[key] = value
}

// marshal writes the object indented by two spaces, as npm writes package.json.
func (o *orderedObject) marshal() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, key := range o.keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		name, err := json.Marshal(key)
		if err != nil {
			return nil, err
		}
		buf.Write(name)
		buf.WriteByte(':')
		buf.Write(o.values[key])
	}
	buf.WriteByte('}')
	var compact, out bytes.Buffer
	if err := json.Compact(&compact, buf.Bytes()); err != nil {
		return nil, err
	}
	if err := json.Indent(&out, compact.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
