CREATE TABLE "Member" ("id" SERIAL NOT NULL, "email" TEXT NOT NULL, "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "updatedAt" TIMESTAMP(3) NOT NULL,
  CONSTRAINT "Member_pkey" PRIMARY KEY ("id"));
CREATE TABLE "Article" ("id" SERIAL NOT NULL, "title" TEXT NOT NULL, "memberId" INTEGER NOT NULL, "published" BOOLEAN NOT NULL DEFAULT false,
  CONSTRAINT "Article_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "Member_email_key" ON "Member"("email");
CREATE INDEX "Article_memberId_idx" ON "Article"("memberId");
ALTER TABLE "Article" ADD CONSTRAINT "Article_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
