package ec2

import "github.com/vigil-sec/vigil/internal/check"

// Checks returns the EC2 checks.
func Checks() []*check.Check {
	return []*check.Check{
		instanceIMDSv1,
		templateIMDSv1,
		configurationIMDSv1,
		instancePublicIP,
		templatePublicIP,
		configurationPublicIP,
		instanceUnencryptedDevice,
		templateUnencryptedDevice,
		configurationUnencryptedDevice,
		instanceUserDataSecrets,
		templateUserDataSecrets,
		configurationUserDataSecrets,
		volumeUnencrypted,
		volumeNoCMK,
		ebsDefaultEncryption,
		snapshotUnencrypted,
		amiPublic,
		amiUnencrypted,
		instanceMonitoring,
	}
}
