package terraform

import (
	"errors"
	"fmt"
	"math/big"
	"net/netip"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// network is a parsed CIDR prefix with its address as an integer.
type network struct {
	base  *big.Int
	bits  int // prefix length
	total int // 32 or 128
}

func parseNetwork(s string) (network, error) {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return network{}, fmt.Errorf("invalid CIDR expression: %w", err)
	}
	p = p.Masked()
	b := p.Addr().AsSlice()
	return network{base: new(big.Int).SetBytes(b), bits: p.Bits(), total: len(b) * 8}, nil
}

// addr renders the address at offset off from the network's base.
func (n network) addr(off *big.Int) (netip.Addr, error) {
	v := new(big.Int).Add(n.base, off)
	b := v.Bytes()
	size := n.total / 8
	if len(b) > size {
		return netip.Addr{}, errors.New("address out of range")
	}
	buf := make([]byte, size)
	copy(buf[size-len(b):], b)
	a, _ := netip.AddrFromSlice(buf)
	return a, nil
}

// bigArg converts a whole-number argument.
func bigArg(v cty.Value, what string) (*big.Int, error) {
	bf := v.AsBigFloat()
	if !bf.IsInt() {
		return nil, fmt.Errorf("%s must be a whole number", what)
	}
	i, _ := bf.Int(nil)
	return i, nil
}

var cidrHostFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "prefix", Type: cty.String},
		{Name: "hostnum", Type: cty.Number},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		n, err := parseNetwork(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		host, err := bigArg(args[1], "hostnum")
		if err != nil {
			return cty.NilVal, err
		}
		size := new(big.Int).Lsh(big.NewInt(1), uint(n.total-n.bits))
		if host.Sign() < 0 {
			host.Add(host, size)
		}
		if host.Sign() < 0 || host.Cmp(size) >= 0 {
			return cty.NilVal, fmt.Errorf("prefix of %d bits cannot accommodate host number %s", n.bits, args[1].AsBigFloat().Text('f', -1))
		}
		a, err := n.addr(host)
		if err != nil {
			return cty.NilVal, err
		}
		return cty.StringVal(a.String()), nil
	},
})

var cidrNetmaskFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "prefix", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		n, err := parseNetwork(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		if n.total != 32 {
			return cty.NilVal, errors.New("only IPv4 networks are supported")
		}
		var b [4]byte
		mask := uint32(0xffffffff) << (32 - n.bits)
		if n.bits == 0 {
			mask = 0
		}
		b[0], b[1], b[2], b[3] = byte(mask>>24), byte(mask>>16), byte(mask>>8), byte(mask)
		return cty.StringVal(netip.AddrFrom4(b).String()), nil
	},
})

// subnet returns the netnum'th subnet of n with newbits more prefix bits.
func (n network) subnet(newbits int, netnum *big.Int) (string, error) {
	if newbits < 0 {
		return "", errors.New("newbits must not be negative")
	}
	l := n.bits + newbits
	if l > n.total {
		return "", fmt.Errorf("insufficient address space to extend prefix of %d by %d", n.bits, newbits)
	}
	limit := new(big.Int).Lsh(big.NewInt(1), uint(newbits))
	if netnum.Sign() < 0 || netnum.Cmp(limit) >= 0 {
		return "", fmt.Errorf("prefix extension of %d does not accommodate a subnet numbered %s", newbits, netnum)
	}
	off := new(big.Int).Lsh(netnum, uint(n.total-l))
	a, err := n.addr(off)
	if err != nil {
		return "", err
	}
	return netip.PrefixFrom(a, l).String(), nil
}

var cidrSubnetFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "prefix", Type: cty.String},
		{Name: "newbits", Type: cty.Number},
		{Name: "netnum", Type: cty.Number},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		n, err := parseNetwork(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		newbits, err := toInt(args[1])
		if err != nil {
			return cty.NilVal, fmt.Errorf("newbits: %w", err)
		}
		netnum, err := bigArg(args[2], "netnum")
		if err != nil {
			return cty.NilVal, err
		}
		s, err := n.subnet(newbits, netnum)
		if err != nil {
			return cty.NilVal, err
		}
		return cty.StringVal(s), nil
	},
})

// cidrSubnetsFunc allocates consecutive subnets of the given sizes, each
// aligned to its own size, as Terraform's cidrsubnets does.
var cidrSubnetsFunc = function.New(&function.Spec{
	Params:   []function.Parameter{{Name: "prefix", Type: cty.String}},
	VarParam: &function.Parameter{Name: "newbits", Type: cty.Number},
	Type:     function.StaticReturnType(cty.List(cty.String)),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		n, err := parseNetwork(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		if len(args) == 1 {
			return cty.ListValEmpty(cty.String), nil
		}
		space := new(big.Int).Lsh(big.NewInt(1), uint(n.total-n.bits))
		next := new(big.Int)
		out := make([]cty.Value, 0, len(args)-1)
		for i, a := range args[1:] {
			nb, err := toInt(a)
			if err != nil || nb < 1 {
				return cty.NilVal, fmt.Errorf("newbits argument %d must be a whole number of at least 1", i+1)
			}
			l := n.bits + nb
			if l > n.total {
				return cty.NilVal, fmt.Errorf("insufficient address space to extend prefix of %d by %d", n.bits, nb)
			}
			size := new(big.Int).Lsh(big.NewInt(1), uint(n.total-l))
			// Round next up to a multiple of size.
			rem := new(big.Int).Mod(next, size)
			if rem.Sign() != 0 {
				next.Add(next, new(big.Int).Sub(size, rem))
			}
			end := new(big.Int).Add(next, size)
			if end.Cmp(space) > 0 {
				return cty.NilVal, fmt.Errorf("not enough remaining address space for a subnet with a prefix of %d bits after %s", l, out[len(out)-1].AsString())
			}
			addr, err := n.addr(next)
			if err != nil {
				return cty.NilVal, err
			}
			out = append(out, cty.StringVal(netip.PrefixFrom(addr, l).String()))
			next = end
		}
		return cty.ListVal(out), nil
	},
})
