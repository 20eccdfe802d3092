//===- ImplicitUses.cpp - Calls nobody wrote ------------------------------===//
//
// Closures (lambdas, blocks) and Objective-C methods as symbols,
// destructors at scope exit, implicit member calls, vtables: uses the
// object file holds although the source names no call.
//
//===----------------------------------------------------------------------===//
#include "checks/collect/Collector.h"

namespace initcheck {
namespace collect {

unsigned Collector::objcMethodSymbol(const ObjCMethodDecl *OMD) {
  const Decl *Canon = OMD->getCanonicalDecl();
  auto [It, Inserted] = Index.try_emplace(Canon, Facts.Symbols.size());
  if (!Inserted)
    return It->second;
  Symbol S;
  S.Kind = SymbolKind::Function;
  std::string Class;
  if (const ObjCInterfaceDecl *I = OMD->getClassInterface())
    Class = I->getName().str();
  S.Name = (OMD->isInstanceMethod() ? "-[" : "+[") + Class + " " +
           OMD->getSelector().getAsString() + "]";
  S.Identifier = S.Name;
  S.Defined = true;
  S.InternalLinkage = true;
  S.Retained = true;
  S.Loc = at(OMD->getLocation());
  S.InSystemHeader = SM.isInSystemHeader(OMD->getLocation());
  S.Section = ".text";
  for (const Decl *R : {static_cast<const Decl *>(OMD), Canon})
    if (const auto *A = R->getAttr<SectionAttr>()) {
      S.Section = A->getName().str();
      S.ExplicitSection = true;
      S.AnnotationLoc = at(R->getLocation());
      break;
    }
  S.Class = classifySection(S.Section, Extra, Facts.DataSections);
  Facts.Symbols.push_back(std::move(S));
  SymbolDecls.push_back(Canon);
  return It->second;
}

unsigned Collector::blockSymbol(const BlockDecl *BD) {
  auto [It, Inserted] = Index.try_emplace(BD, Facts.Symbols.size());
  if (!Inserted)
    return It->second;
  unsigned Sym = It->second;
  Symbol S;
  S.Kind = SymbolKind::Function;
  S.Name = Current ? "block in " + Facts.Symbols[*Current].Name : "block";
  S.Identifier = S.Name;
  S.Defined = true;
  S.InternalLinkage = true;
  S.Loc = at(BD->getCaretLocation());
  S.InSystemHeader = SM.isInSystemHeader(BD->getCaretLocation());
  S.Section = ".text";
  S.Class = classifySection(S.Section, Extra, Facts.DataSections);
  Facts.Symbols.push_back(std::move(S));
  SymbolDecls.push_back(nullptr);
  addRef(Sym, RefKind::AddressOf, BD->getCaretLocation());
  return Sym;
}

void Collector::forEachCallOperator(const CXXRecordDecl *RD,
                                    function_ref<void(const CXXMethodDecl *)> Fn) {
  if (!RD || !RD->isLambda())
    return;
  if (const FunctionTemplateDecl *T = RD->getDependentLambdaCallOperator()) {
    for (const FunctionDecl *Spec : T->specializations())
      if (const auto *MD = dyn_cast<CXXMethodDecl>(Spec))
        Fn(MD);
    return;
  }
  if (const CXXMethodDecl *MD = RD->getLambdaCallOperator())
    Fn(MD);
}

void Collector::closureEscapes(const CXXRecordDecl *RD, SourceLocation Loc) {
  forEachCallOperator(RD, [&](const CXXMethodDecl *MD) {
    addRef(symbolFor(MD), RefKind::AddressOf, Loc);
  });
}

void Collector::noteClosureUse(const DeclRefExpr *E) {
  const auto *VD = dyn_cast<VarDecl>(E->getDecl());
  if (!VD || !VD->hasLocalStorage() || CalledClosures.count(E))
    return;
  if (const CXXRecordDecl *RD =
          VD->getType().getNonReferenceType()->getAsCXXRecordDecl())
    closureEscapes(RD, E->getLocation());
}

std::string Collector::lambdaName(const CXXMethodDecl *MD) {
  const CXXRecordDecl *RD = MD->getParent();
  if (auto It = LambdaOwners.find(RD); It != LambdaOwners.end())
    return "lambda in " + Facts.Symbols[It->second].Name;
  const Decl *Context = RD->getLambdaContextDecl();
  if (!Context || !isa<NamedDecl>(Context))
    Context = dyn_cast<Decl>(RD->getDeclContext());
  if (const auto *ND = dyn_cast_or_null<NamedDecl>(Context))
    return "lambda in " + displayName(ND);
  return "lambda";
}

const CXXDestructorDecl *Collector::destructorOf(QualType T) const {
  if (T.isNull() || T->isDependentType())
    return nullptr;
  const CXXRecordDecl *RD = Ctx.getBaseElementType(T)->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || RD->hasTrivialDestructor() ||
      RD->isDependentContext())
    return nullptr;
  const CXXDestructorDecl *D = RD->getDestructor();
  return D && !D->isDeleted() ? D : nullptr;
}

void Collector::noteScopeExit(const VarDecl *VD) {
  if (!Current || !VD->isLocalVarDecl())
    return;
  if (const auto *A = VD->getAttr<CleanupAttr>())
    if (const FunctionDecl *F = A->getFunctionDecl())
      addRef(symbolFor(F), RefKind::Call, VD->getLocation());
  if (VD->getType()->isReferenceType())
    return; // a bound temporary is a CXXBindTemporaryExpr
  if (const CXXDestructorDecl *D = destructorOf(VD->getType()))
    addRef(symbolFor(D),
           VD->hasLocalStorage() ? RefKind::Call : RefKind::AddressOf,
           VD->getLocation());
}

void Collector::noteImplicitMemberCalls(const CXXMethodDecl *MD) {
  const CXXRecordDecl *RD = MD->getParent();
  if (!RD || RD->isDependentContext() || !RD->hasDefinition() ||
      RD->isInvalidDecl())
    return;
  if (isa<CXXDestructorDecl>(MD)) {
    SourceLocation L = MD->getLocation();
    for (const FieldDecl *F : RD->fields())
      if (const CXXDestructorDecl *D = destructorOf(F->getType()))
        addRef(symbolFor(D), RefKind::Call, L);
    for (const CXXBaseSpecifier &B : RD->bases())
      if (const CXXDestructorDecl *D = destructorOf(B.getType()))
        addRef(symbolFor(D), RefKind::Call, L);
    for (const CXXBaseSpecifier &B : RD->vbases())
      if (const CXXDestructorDecl *D = destructorOf(B.getType()))
        addRef(symbolFor(D), RefKind::Call, L);
  }
  if (!RD->isDynamicClass())
    return;
  if (isa<CXXConstructorDecl, CXXDestructorDecl>(MD))
    VPtrStores.push_back({*Current, MD, RD});
  if (const CXXMethodDecl *Key = Ctx.getCurrentKeyFunction(RD);
      Key && Key->getCanonicalDecl() == MD->getCanonicalDecl())
    vtableFor(RD);
}

unsigned Collector::vtableFor(const CXXRecordDecl *RD) {
  RD = RD->getDefinition();
  auto [It, Inserted] = VTables.try_emplace(RD, Facts.Symbols.size());
  if (!Inserted)
    return It->second;
  unsigned Sym = It->second;
  const CXXMethodDecl *Key = Ctx.getCurrentKeyFunction(RD);
  Symbol S;
  S.Kind = SymbolKind::Variable;
  S.Name = "vtable for " + displayName(RD);
  S.Identifier = S.Name;
  S.Section = ".data.rel.ro";
  S.Class = classifySection(S.Section, Extra, Facts.DataSections);
  S.Defined = !Key || Key->isDefined();
  S.InternalLinkage = true; // one per file that emits it: never joined
  S.Retained = true;        // every object of the class points to it
  S.IsConst = true;
  S.Loc = at(RD->getLocation());
  S.InSystemHeader = SM.isInSystemHeader(RD->getLocation());
  Facts.Symbols.push_back(std::move(S));
  SymbolDecls.push_back(nullptr);
  if (!Facts.Symbols[Sym].Defined)
    return Sym;
  std::optional<unsigned> Saved = Current;
  Current = Sym;
  for (const CXXMethodDecl *M : RD->methods())
    if (M->isVirtual() && !M->isPureVirtual() && !M->isDeleted())
      addRef(symbolFor(M), RefKind::AddressOf, M->getLocation());
  Current = Saved;
  return Sym;
}

void Collector::resolveVTables() {
  for (size_t I = 0; I != VPtrStores.size(); ++I) {
    VPtrStore St = VPtrStores[I];
    const FunctionDecl *Def = St.Fn->getDefinition();
    bool Emitted = Referenced.count(St.Fn->getCanonicalDecl()) ||
                   (Def && !Def->isInlined());
    if (!Emitted)
      continue;
    std::optional<unsigned> Saved = Current;
    Current = St.User;
    addRef(vtableFor(St.Class), RefKind::AddressOf, St.Fn->getLocation());
    Current = Saved;
  }
}

} // namespace collect
} // namespace initcheck
