resource "aws_ecs_task_definition" "good" {
  family                   = "good"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::111122223333:role/ecsTaskExecution"
  pid_mode                 = "task"
  container_definitions = jsonencode([{
    name                   = "app"
    image                  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2"
    essential              = true
    privileged             = false
    readonlyRootFilesystem = true
    user                   = "1000"
    portMappings           = [{ containerPort = 8080, protocol = "tcp" }]
    environment            = [{ name = "LOG_LEVEL", value = "info" }]
    secrets                = [{ name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf" }]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = "/ecs/good"
        awslogs-region        = "eu-west-1"
        awslogs-stream-prefix = "app"
      }
    }
  }])
  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id     = "fs-0123456789abcdef0"
      transit_encryption = "ENABLED"
      authorization_config {
        iam = "ENABLED"
      }
    }
  }
}
