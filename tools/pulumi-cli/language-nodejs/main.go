// Command pulumi-language-nodejs is this project's own Node.js language host for the Pulumi CLI.
//
// Test tooling, not a product: the upstream host (module
// github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3) is not served by the Go module
// proxy, so the project builds this small stand-in next to the real CLI. It implements what
// `pulumi up/preview/refresh/destroy/import`, `pulumi package gen-sdk --language nodejs` and
// `--policy-pack` need; see ../README.md for the full list and what it leaves out.
//
// The CLI starts it as `pulumi-language-nodejs [--logtostderr] [-v=N] [--tracing URL] <engine-address>`
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
	// The engine forwards its logging and tracing flags to every plugin; accept and ignore them.
	// (A separate flag set: imported packages already define some of these on the global one.)
	flags := flag.NewFlagSet("pulumi-language-nodejs", flag.ExitOnError)
	flags.Bool("logtostderr", false, "log to stderr (ignored)")
	flags.Int("v", 0, "log verbosity (ignored)")
	flags.String("tracing", "", "tracing endpoint (ignored)")
	flags.Bool("logflow", false, "flow logging settings to child processes (ignored)")
	_ = flags.Parse(os.Args[1:])

	engineAddress := ""
	if flags.NArg() > 0 {
		engineAddress = flags.Arg(0)
	}

	host := newNodeHost(engineAddress)
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: could not start the gRPC server: %v\n", err)
		os.Exit(1)
	}

	// The engine reads exactly this line to learn where to connect.
	fmt.Println(handle.Port)

	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: the gRPC server stopped: %v\n", err)
		os.Exit(1)
	}
}
