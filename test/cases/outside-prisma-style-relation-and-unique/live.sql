CREATE TABLE "Member" ("id" SERIAL NOT NULL, "email" TEXT NOT NULL, "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "updatedAt" TIMESTAMP(3) NOT NULL,
  CONSTRAINT "Member_pkey" PRIMARY KEY ("id"));
CREATE TABLE "Article" ("id" SERIAL NOT NULL, "title" TEXT NOT NULL, "memberId" INTEGER NOT NULL,
  CONSTRAINT "Article_pkey" PRIMARY KEY ("id"));
INSERT INTO "Member" ("email", "updatedAt") SELECT 'm' || g || '@x.io', now() FROM generate_series(1, 10) g;
INSERT INTO "Article" ("title", "memberId") SELECT 't' || g, g % 10 + 1 FROM generate_series(1, 30) g;
