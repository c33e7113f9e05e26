-- A mail that can be turned off (the weekly digest) carries its one-click unsubscribe address (RFC 8058).
ALTER TABLE "MailMessage" ADD COLUMN "unsubscribeUrl" TEXT;

-- A share link counts downloads apart from views: opening the page is a view, a PDF or Excel file is a download.
ALTER TABLE "ShareLink" ADD COLUMN "downloadCount" INTEGER NOT NULL DEFAULT 0;
