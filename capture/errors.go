package capture

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinels that Open's errors may wrap; errors.Is finds them. A missing
// privilege wraps os.ErrPermission (the socket's EPERM or EACCES).
var (
	// ErrNoInterface means the named interface does not exist.
	ErrNoInterface = errors.New("no such interface")
	// ErrInterfaceDown means the interface exists but is not up.
	ErrInterfaceDown = errors.New("interface is down")
)

// permissionHint tells a person how to grant what capture needs.
const permissionHint = "capturing needs root or CAP_NET_RAW: sudo setcap cap_net_raw,cap_net_admin+ep $(which rawcap)"

func noInterfaceError(name string, have []string) error {
	return fmt.Errorf("capture: %w: %q (interfaces here: %s)", ErrNoInterface, name, strings.Join(have, ", "))
}

func interfaceDownError(name string) error {
	return fmt.Errorf("capture: %w: %s (bring it up with: ip link set %s up)", ErrInterfaceDown, name, name)
}
