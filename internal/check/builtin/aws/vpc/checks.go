package vpc

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the VPC checks.
func Checks() []*check.Check {
	return []*check.Check{
		sgAdminIPv4,
		sgAdminIPv6,
		sgAllTraffic,
		sgDatabasePorts,
		sgUnrestrictedEgress,
		sgRuleDescription,
		defaultSGRules,
		naclAdminPorts,
		naclAllTraffic,
		flowLogs,
		subnetPublicIP,
		defaultVPC,
		sgInsecureServices,
		sgDescription,
	}
}
