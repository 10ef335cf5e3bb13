locals {
  bootstrap = <<-EOT
    #!/bin/bash
    export AWS_ACCESS_KEY_ID=AKIA4HKQ7ZP2WQ3XB5NM
    export AWS_DEFAULT_REGION=us-east-1
    aws s3 cp s3://example-config/app.conf /etc/app.conf
  EOT
}

resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = local.bootstrap # want: AWS-EC2-010
}

resource "aws_instance" "db_client" {
  ami              = "ami-0abcdef1234567890"
  instance_type    = "t3.micro"
  user_data_base64 = base64encode("#!/bin/bash\nMYSQL_PWD=s3cr3t-Passw0rd mysql -h db.internal -u app\n") # want: AWS-EC2-010
}
