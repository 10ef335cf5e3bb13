package ssm

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

// State holds the Systems Manager resources of an estate.
type State struct {
	Parameters []*Parameter
	Documents  []*Document
}

// Parameter is a Parameter Store parameter. It never holds the value.
type Parameter struct {
	model.Resource
	ParameterName model.String
	ARN           model.String
	// Type is "String", "StringList" or "SecureString".
	Type model.String
	// KMSKey encrypts a SecureString; "" means the AWS managed key aws/ssm.
	KMSKey kms.KeyRef
	// Tier is "Standard", "Advanced" or "Intelligent-Tiering".
	Tier model.String
	// DataType is "text", "aws:ec2:image" or "aws:ssm:integration".
	DataType model.String
	// HasValue reports that the source sets the value (so it is also in the
	// deployment tool's records, such as Terraform state).
	HasValue model.Bool
}

// Document is an SSM document (command, automation, session preferences...).
type Document struct {
	model.Resource
	DocumentName model.String
	// DocumentType is "Command", "Automation", "Session", ...
	DocumentType model.String
	// SharedWith lists the accounts the document is shared with; "All"
	// shares it publicly. Empty when it is not shared.
	SharedWith model.List[string]
}
