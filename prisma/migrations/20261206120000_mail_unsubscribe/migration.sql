-- A mail that can be turned off (the weekly digest) carries its one-click unsubscribe address (RFC 8058).
ALTER TABLE "MailMessage" ADD COLUMN "unsubscribeUrl" TEXT;
