// Command pulumi-language-python is this project's own Python language host for the Pulumi CLI.
//
// Test tooling, not a product: the upstream host (module
// github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3) is not served by the Go module
// proxy, and the PyPI `pulumi` package lacks the entry script that host runs. So the project builds
// this small stand-in beside the real CLI, with an entry script of its own embedded (exec.py). It
// implements what `pulumi up/preview/refresh/destroy/import` of a `runtime: python` program and
// `pulumi package gen-sdk --language python` need; ../README.md lists what it leaves out.
//
// The CLI starts it as `pulumi-language-python [--logtostderr] [-v=N] [--tracing URL] <engine-address>`
// and reads the gRPC port it prints on stdout.
package main

import (
	"flag"
	"fmt"
	"os"

	"google.golang.org/grpc"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

func main() {
	// The engine passes its logging and tracing flags to every plugin: accepted, not used. Own flag
	// set, because imported packages register some of these names on the global one.
	flags := flag.NewFlagSet("pulumi-language-python", flag.ExitOnError)
	flags.Bool("logtostderr", false, "log to stderr (ignored)")
	flags.Int("v", 0, "log verbosity (ignored)")
	flags.String("tracing", "", "tracing endpoint (ignored)")
	flags.Bool("logflow", false, "flow logging settings to child processes (ignored)")
	_ = flags.Parse(os.Args[1:])

	host := &pythonHost{engineAddress: flags.Arg(0)}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-python: cannot serve gRPC: %v\n", err)
		os.Exit(1)
	}

	// The engine learns the host's address from this one line.
	fmt.Println(handle.Port)

	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-python: gRPC server stopped: %v\n", err)
		os.Exit(1)
	}
}
